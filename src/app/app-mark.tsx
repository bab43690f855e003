/**
 * The app's mark beside its name, the same drawing as the favicon. Inline rather than an <img> of
 * an SVG file: Chromium decodes an SVG image into a document of its own, on the main thread.
 */
export function AppMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className="size-6 flex-none">
      <rect width="32" height="32" rx="6" fill="#4f46e5" />
      <path d="M7 10h18v12H7z" fill="none" stroke="#fff" strokeWidth="2" />
      <path d="M7 10l9 7 9-7" fill="none" stroke="#fff" strokeWidth="2" />
    </svg>
  );
}
