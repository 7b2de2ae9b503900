// Three-valued logic for filter languages whose parts may be unreadable: a part naming no field of the record, an
// operator the emulator does not know, a function it does not evaluate. Such a part is `undefined` (unknown) and
// combines as in Kleene logic (`false AND unknown` is false, `true OR unknown` is true, `NOT unknown` is unknown),
// and a record whose whole filter is unknown is kept. So an ignored part never drops a record the vendor's filter
// would keep, wherever it sits (under a NOT, in an OR), and every readable part still narrows.

/** True, false, or undefined when the filter cannot tell. */
export type Truth = boolean | undefined;

export function allOf(parts: readonly Truth[]): Truth {
  if (parts.some((p) => p === false)) return false;
  return parts.some((p) => p === undefined) ? undefined : true;
}

export function anyOf(parts: readonly Truth[]): Truth {
  if (parts.some((p) => p === true)) return true;
  return parts.some((p) => p === undefined) ? undefined : false;
}

export function not(part: Truth): Truth {
  return part === undefined ? undefined : !part;
}

/** Whether a record is kept: everything but a definite false. */
export function kept(truth: Truth): boolean {
  return truth !== false;
}
