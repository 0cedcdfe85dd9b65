/**
 * The margins of a dashboard chart's plot area, in pixels: fixed, so a bar's place on the canvas follows from its
 * index (the browser test clicks a bar by it, as a mouse user does).
 */
export const CHART_GRID = { left: 160, right: 32, top: 12, bottom: 32 } as const;
