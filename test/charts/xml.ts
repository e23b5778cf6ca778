/**
 * A small well-formedness checker for the XML the charts emit (and the XHTML-compatible parts of
 * the report): elements nest and close, attributes are quoted and unique, entities are the five
 * predefined ones or numeric, and nothing is left over. Throws with the offset of the first fault.
 */
export function checkXml(source: string, { html = false } = {}): { elements: number; texts: string[] } {
  const voids = new Set(['meta', 'br', 'img', 'input', 'link', 'hr']);
  const stack: string[] = [];
  const texts: string[] = [];
  let elements = 0;
  let index = 0;
  const failAt = (message: string): never => {
    throw new Error(`${message} at offset ${index}: …${source.slice(Math.max(0, index - 30), index + 30)}…`);
  };
  const checkText = (text: string) => {
    for (const match of text.matchAll(/&([^;\s]*);?/g)) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i.test(match[0])) failAt(`bad entity ${match[0]}`);
    }
    if (text.includes('<')) failAt('stray <');
  };
  if (html && source.toLowerCase().startsWith('<!doctype html>')) index = '<!doctype html>'.length;
  while (index < source.length) {
    const open = source.indexOf('<', index);
    const text = source.slice(index, open === -1 ? source.length : open);
    checkText(text);
    if (text.trim() !== '') texts.push(text);
    if (open === -1) break;
    index = open;
    if (source.startsWith('</', index)) {
      const match = /^<\/([A-Za-z][\w:-]*)\s*>/.exec(source.slice(index));
      if (!match) failAt('bad closing tag');
      const name = match![1]!;
      if (stack.pop() !== name) failAt(`mismatched </${name}>`);
      index += match![0].length;
      continue;
    }
    const match = /^<([A-Za-z][\w:-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(
      source.slice(index),
    );
    if (!match) failAt('bad tag');
    const [whole, name, attributes, selfClosing] = match!;
    const names = [...attributes!.matchAll(/([A-Za-z_:][\w:.-]*)\s*=/g)].map((attribute) => attribute[1]);
    if (new Set(names).size !== names.length) failAt(`duplicate attribute in <${name}>`);
    for (const attribute of attributes!.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g))
      checkText(attribute[1] ?? attribute[2] ?? '');
    elements += 1;
    index += whole.length;
    if (selfClosing || (html && voids.has(name!.toLowerCase()))) continue;
    if (name === 'style') {
      const end = source.indexOf('</style>', index);
      if (end === -1) failAt('unclosed <style>');
      index = end;
    }
    stack.push(name!);
  }
  if (stack.length > 0) failAt(`unclosed <${stack.join('><')}>`);
  return { elements, texts };
}
