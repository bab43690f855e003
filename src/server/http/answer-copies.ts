/**
 * Copies made from an answer's bytes (compressed, cut down), each made once per answer and key and
 * kept for as long as the answer itself is: in the cache, or shared by requests for one upstream call.
 */
export function answerCopies<Key, Copy>() {
  const copies = new WeakMap<Uint8Array, Map<Key, Copy>>();
  return {
    get(body: Uint8Array, key: Key, make: () => Copy): Copy {
      let kept = copies.get(body);
      if (kept === undefined) {
        kept = new Map();
        copies.set(body, kept);
      }
      let copy = kept.get(key);
      if (copy === undefined) {
        copy = make();
        kept.set(key, copy);
      }
      return copy;
    },
    forget(body: Uint8Array, key: Key): void {
      copies.get(body)?.delete(key);
    },
  };
}
