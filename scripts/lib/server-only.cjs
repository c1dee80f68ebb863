// Lets scripts load server/ modules without the react-server condition, which would also swap
// react-dom/server for a stub that refuses to render (e-mails are rendered with it). Use with
// `tsx --require ./scripts/lib/server-only.cjs`: the marker package then resolves to nothing.
const marker = require.resolve("server-only");
require.cache[marker] = { id: marker, filename: marker, loaded: true, exports: {} };
