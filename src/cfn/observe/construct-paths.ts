/**
 * CDK construct paths of a cloud assembly's resources, from its `tree.json`: templates the CDK
 * synthesizes without path metadata still map back to the constructs (and so to model ids).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ElementKey } from './types.js';

interface TreeNode {
  readonly path?: string;
  readonly attributes?: { readonly [key: string]: unknown };
  readonly children?: { readonly [id: string]: TreeNode };
}

const MAX_TREE_BYTES = 64 * 1024 * 1024;

/**
 * `<stack>/<logicalId>` → construct path, for every resource in `<dir>/tree.json`. Empty when
 * `dir` is not an assembly directory or has no readable tree (the paths are a hint, not a must).
 * Nested stacks are keyed by their construct path's stack part like the reader's `Parent/Nested`.
 */
export async function readConstructPaths(dir: string): Promise<Map<ElementKey, string>> {
  const out = new Map<ElementKey, string>();
  try {
    const file = path.join(dir, 'tree.json');
    if ((await stat(file)).size > MAX_TREE_BYTES) return out;
    const tree = JSON.parse(await readFile(file, 'utf8')) as { tree?: TreeNode };
    const visit = (node: TreeNode, depth: number): void => {
      if (depth > 200) return;
      const logicalId = node.attributes?.['aws:cdk:cloudformation:logicalId'];
      if (typeof logicalId === 'string' && node.path) out.set(`${node.path.split('/')[0]}/${logicalId}`, node.path);
      for (const child of Object.values(node.children ?? {})) visit(child, depth + 1);
    };
    if (tree.tree) visit(tree.tree, 0);
  } catch {
    // Not an assembly, or no tree: construct paths stay unknown.
  }
  return out;
}
