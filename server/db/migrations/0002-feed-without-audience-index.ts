// 0002: the pull feed reads `changes` in seq order from a cursor, keeping the rows for the device's
// audience (server/sync/feed.ts). Nearly every row is for 'all', so the primary key's range scan,
// stopping at the page's limit, is the plan. With the GIN index on audience, a planner without
// statistics (PGlite has no autovacuum: a freshly published table is never analysed) matched every
// row through the index and sorted them for each page: at 520,000 changes, 0.4 s a page where the
// range scan takes milliseconds (bench/sync, the first pull). Nothing else reads audience.
export default /* sql */ `
DROP INDEX changes_audience;
`;
