/** `clientele/scoring`. @module */
export {};
