import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * npm package of Deno's binary for this platform (an optional dependency of `deno`), or undefined.
 *
 * @example
 * denoPlatformPackage('darwin', 'arm64'); // '@deno/darwin-arm64'
 */
export function denoPlatformPackage(
  platform: string = process.platform,
  arch: string = process.arch,
): string | undefined {
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'darwin' : platform === 'win32' ? 'win32' : '';
  if (!os || (arch !== 'x64' && arch !== 'arm64')) return undefined;
  return `@deno/${os}-${arch}${os === 'linux' ? '-glibc' : ''}`;
}

/**
 * The Deno binary of the project's `deno` devDependency (`node_modules/@deno/<platform>/deno`), found without
 * its postinstall script or PATH.
 *
 * @throws Error naming the missing package when Deno is not installed for this platform.
 * @example
 * denoBinary(root); // '<root>/node_modules/@deno/linux-x64-glibc/deno'
 */
export function denoBinary(root: string): string {
  const pkg = denoPlatformPackage();
  const exe = process.platform === 'win32' ? 'deno.exe' : 'deno';
  try {
    const denoDir = path.dirname(require.resolve('deno/package.json', { paths: [root] }));
    if (!pkg) throw new Error(`no Deno build for ${process.platform}-${process.arch}`);
    const bin = path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [denoDir] })), exe);
    if (!fs.existsSync(bin)) throw new Error(`${bin} is missing`);
    return bin;
  } catch (e) {
    throw new Error(`Deno is not installed (${(e as Error).message.split('\n')[0]}): run \`npm install\``);
  }
}

/**
 * `deno --version`'s first line, or undefined when the binary does not run here.
 *
 * @example
 * denoVersion(denoBinary(root)); // 'deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)'
 */
export function denoVersion(bin: string): string | undefined {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.split('\n')[0].trim() : undefined;
}
