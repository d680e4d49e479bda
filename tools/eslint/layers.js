// The layering rule of docs/architecture.md, as law: each file's folder says what it may import.
// Modelled on VS Code's code-layering rule. Relative and @shared/ imports are resolved to folders;
// bare package names are checked against what the layer may use.
import path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** layer name → folders (relative to the root) it may import from, and packages it may not. */
const LAYERS = [
  { name: 'shared', dir: 'shared', may: ['shared'], node: false, electron: false, forbidden: ['react', 'react-dom', 'antd', 'better-sqlite3', 'zustand'] },
  { name: 'renderer', dir: 'renderer', may: ['shared', 'renderer'], node: false, electron: false, forbidden: ['better-sqlite3'] },
  { name: 'core', dir: 'electron/core', may: ['shared', 'electron/core'], node: true, electron: false, forbidden: ['react', 'react-dom', 'antd'] },
  { name: 'utility', dir: 'electron/utility', may: ['shared', 'electron/core', 'electron/utility'], node: true, electron: false, forbidden: [] },
  { name: 'web-host', dir: 'electron/web-host', may: ['shared', 'electron/core', 'electron/web-host'], node: true, electron: false, forbidden: [] },
  { name: 'main', dir: 'electron/main', may: ['shared', 'electron/main'], node: true, electron: true, forbidden: ['better-sqlite3'] },
  { name: 'preload', dir: 'electron/preload', may: ['shared', 'electron/preload'], node: false, electron: true, forbidden: ['better-sqlite3'] },
  { name: 'server', dir: 'server', may: ['shared', 'server'], node: true, electron: false, forbidden: ['react', 'react-dom', 'antd', 'zustand', 'better-sqlite3'] },
];

const inDir = (file, dir) => file === path.join(ROOT, dir) || file.startsWith(path.join(ROOT, dir) + path.sep);

function layerOf(file) {
  return LAYERS.find((l) => inDir(file, l.dir));
}

function check(context, node, spec) {
  const file = context.filename;
  const layer = layerOf(file);
  if (!layer || typeof spec !== 'string') return;
  const report = (why) => context.report({ node, message: `${layer.name} may not import '${spec}': ${why} (see docs/architecture.md)` });

  if (spec.startsWith('.') || spec.startsWith('@shared/')) {
    const target = spec.startsWith('@shared/') ? path.join(ROOT, 'shared', spec.slice(8)) : path.resolve(path.dirname(file), spec);
    if (!layer.may.some((d) => inDir(target, d))) report(`it reaches ${path.relative(ROOT, target)}`);
    return;
  }
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  if (pkg === 'electron' && !layer.electron) return report("only electron/main and electron/preload import 'electron'");
  if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg) || pkg === 'node:') {
    if (!layer.node) report('this layer runs without Node APIs');
    return;
  }
  if (layer.forbidden.includes(pkg)) report('that package belongs to another layer');
}

export default {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        return {
          ImportDeclaration: (node) => check(context, node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
          ExportAllDeclaration: (node) => check(context, node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(context, node, node.source.value),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
              check(context, node, node.arguments[0].value);
            }
          },
        };
      },
    },
  },
};
