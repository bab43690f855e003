/**
 * Limits the contact browser and saved views share. Apart from the view rules in saved-view.ts,
 * whose schemas the first load does not need.
 */

/** The page sizes the contact browser offers; any other size would be changed on opening. */
export const DISPLAY_SIZES = [25, 50, 100, 250, 500, 1000, 2000] as const;
export type DisplaySize = (typeof DISPLAY_SIZES)[number];

export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 800;
