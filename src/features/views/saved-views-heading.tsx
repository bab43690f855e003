/** The section's title, the same while the list loads and once it is there. */
export function SavedViewsHeading() {
  return <h2 className="text-sm font-semibold">Saved views</h2>;
}
