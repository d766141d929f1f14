import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, hashBuildInputs, writeBuildStamp } from '@/scripts/build-inputs';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('build freshness', () => {
  it('asks for a build when there is none, not after one, and again when the code changes', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-build-'));
    fs.mkdirSync(path.join(root, 'app'));
    fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 1');
    expect(buildIsCurrent(root)).toBe(false);
    fs.mkdirSync(path.join(root, '.next'));
    fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'x');
    writeBuildStamp(root);
    expect(buildIsCurrent(root)).toBe(true);
    const before = hashBuildInputs(root);
    fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 2');
    expect(hashBuildInputs(root)).not.toBe(before);
    expect(buildIsCurrent(root)).toBe(false);
  });
});
