/**
 * Typed arrays that serialise as JSON arrays (`[1, 0, …]`, not `{"0": 1, …}`): subclasses with a
 * `toJSON` on their prototype, used for the typed arrays of batch results. A subclass rather than
 * a property on each instance: adding a property to a typed array changes its hidden class, which
 * makes the engine drop optimised code that relied on the plain class.
 * @module
 */

/** A Float64Array whose JSON form is an array of numbers (`NaN` becomes `null`, as in any array). */
export class JsonFloat64Array extends Float64Array {
  toJSON(): number[] {
    return Array.from(this);
  }
}

/** An Int32Array whose JSON form is an array of numbers. */
export class JsonInt32Array extends Int32Array {
  toJSON(): number[] {
    return Array.from(this);
  }
}

/** An Int8Array whose JSON form is an array of numbers. */
export class JsonInt8Array extends Int8Array {
  toJSON(): number[] {
    return Array.from(this);
  }
}

/** A Uint8Array whose JSON form is an array of numbers. */
export class JsonUint8Array extends Uint8Array {
  toJSON(): number[] {
    return Array.from(this);
  }
}
