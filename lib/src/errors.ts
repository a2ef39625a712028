/**
 * The root of every error the course library throws on purpose.
 *
 * Each concept keeps its own error classes beside it (for example
 * `NativeBackendUnavailableError` in `backend/`), all extending {@link CourseError}, so a
 * notebook can tell "the library refused this, with an explanation" from a bug.
 * Messages are in Brazilian Portuguese and say what was expected, what arrived and what
 * to do about it.
 *
 * Pattern from sindresorhus/ky (`HTTPError`, `isHTTPError`): one class per concept under a
 * common base, `override name`, an optional `cause`.
 */
export class CourseError extends Error {
  override name = "CourseError";

  /**
   * @param message What was expected, what arrived and what to do, in Portuguese.
   * @param options `cause`: the lower-level error that led here, kept for debugging.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Survives two copies of the library in one process (e.g. src/ in tests and dist/
    // in a notebook), where `instanceof` would answer false.
    Object.defineProperty(this, courseErrorBrand, { value: true, enumerable: false });
  }
}

const courseErrorBrand = Symbol.for("@redes-neurais/lib:CourseError");

/**
 * Tells whether `value` is an error thrown on purpose by the course library.
 *
 * @param value Anything caught by a `catch`.
 * @returns `true` for any {@link CourseError} (including its subclasses), even one made by
 *   another copy of the library loaded in the same process.
 */
export function isCourseError(value: unknown): value is CourseError {
  return (
    value instanceof CourseError ||
    (value instanceof Error && (value as unknown as Record<symbol, unknown>)[courseErrorBrand] === true)
  );
}

/**
 * A one-line description of something thrown, for messages that quote a cause
 * (`error.message` for errors, `String(value)` for anything else).
 */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) {
    return value.message.trim() === "" ? value.name : value.message.trim();
  }
  return String(value);
}
