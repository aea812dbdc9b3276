import { mm } from '../pdf';

/**
 * Where the recipient's address goes so it shows through a left-window envelope.
 *
 * C5 envelope (an A4 folded once) and C4 (A4 unfolded) with the window on the left, Norwegian
 * practice (nordic-formats.md §10, vectors.json "envelope_window: C5 (NO practice)", from
 * officeconsult.no): the window is 15 mm from the left edge of the sheet, its top 44 mm from the
 * top, 105 mm wide and 35 mm high. The Swedish standard's positions (SS 61 34 01, V2) were not
 * found in millimetres; Swedish C5 left-window envelopes sit in the same field (≥ 15 mm from the
 * left, ~44 mm from the top), so one position serves both countries.
 *
 * The letter sets the text inside that rectangle with an inner margin (the sheet moves a few
 * millimetres in the envelope): 5 mm from the window's left and top, 3 mm from its right and
 * bottom. So the address text block is x 20–117 mm, y 49–76 mm from the sheet's top-left corner.
 * Up to five lines fit at the letter's size; more, or longer, lines are set smaller (down to
 * ADDRESS_MIN_SIZE) so nothing leaves the window.
 */
export const WINDOW_MM = { left: 15, top: 44, width: 105, height: 35 } as const;
export const WINDOW_INSET_MM = { left: 5, top: 5, right: 3, bottom: 3 } as const;

/** The rectangle the address text is set in, in points from the sheet's top-left corner. */
export const ADDRESS_BOX = {
  x: mm(WINDOW_MM.left + WINDOW_INSET_MM.left),
  y: mm(WINDOW_MM.top + WINDOW_INSET_MM.top),
  width: mm(WINDOW_MM.width - WINDOW_INSET_MM.left - WINDOW_INSET_MM.right),
  height: mm(WINDOW_MM.height - WINDOW_INSET_MM.top - WINDOW_INSET_MM.bottom),
} as const;

export const ADDRESS_FONT_SIZE = 10.5;
export const ADDRESS_MIN_SIZE = 7;
/** Line height factor for the address (tighter than body text: the window is only 35 mm high). */
export const ADDRESS_LINE_HEIGHT = 1.15;
