// The property names tools/build.mjs lets esbuild shorten in dist/mbo.js.

/**
 * Properties esbuild renames to short names (mangleProps): members of the bundle's own classes and records that never
 * leave it, each read and written only as `.name` in src. test/bundle/bundle.test.ts checks every one against what
 * could read it by name (a string in src, the sidebar, the API and Apps Script port types, JavaScript's and Apps
 * Script's own type declarations) and runs the code that uses them through the built bundle. A name src no longer
 * uses is harmless (nothing to rename).
 */
export const INTERNAL_PROPS = [
  // core/table.ts: the goal-table reader's memos and row readers.
  'typeWords',
  'directionWords',
  'rollupWords',
  'periodTexts',
  'periodTimes',
  'fieldColumns',
  'columnOf',
  'isBlankRow',
  'quietNumber',
  'readType',
  'readDirection',
  'readRollup',
  'readPeriod',
  'readRange',
  'badRange',
  'lacksTarget',
  // core/texts.ts and core/graph.ts: the text-number table and the ID index.
  'texts',
  'slots',
  'hashes',
  'goalOf',
  'toMap',
  'firstOf',
  'cycleOf',
  // core/results.ts: the cascade's result columns.
  'gapThreshold',
  'elapsedOf',
  // server/menu.ts: menu items.
  'separatorBefore',
  // report/report-tab.ts and sheets/read.ts: which tabs are ours, and where the report goes.
  'ours',
  'replacesOurs',
  'ownTabs',
];
