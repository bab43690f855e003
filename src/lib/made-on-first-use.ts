/**
 * A value made the first time it is asked for, then kept. For module-level objects that are
 * costly to build, such as Intl formatters (the first one loads the locale's data): built while
 * the app's module is evaluated, they would lengthen the task that sends the first request.
 */
export function madeOnFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
