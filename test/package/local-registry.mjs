// A minimal npm registry on the loopback interface, serving only the tarballs it is given, so that
// Deno can resolve `npm:clientele@0.1.0` exactly as a notebook user's machine does — from a
// registry into its own cache — before the package is published.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Read `package/package.json` out of a tarball. */
function manifestOf(tarball) {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

/**
 * Serve the given tarballs; resolves to `{ url, close }`. Unknown packages answer 404, so a
 * dependency missing from the list fails loudly instead of reaching out of the machine.
 */
export async function startLocalRegistry(tarballs) {
  const packages = new Map();
  const files = new Map();
  for (const tarball of tarballs) {
    const manifest = manifestOf(tarball);
    const bytes = readFileSync(tarball);
    const file = `${manifest.name.replace('/', '-')}-${manifest.version}.tgz`;
    files.set(file, bytes);
    packages.set(manifest.name, { manifest, file, bytes });
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname).slice(1);
    if (path.startsWith('-/') && files.has(path.slice(2))) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(files.get(path.slice(2)));
      return;
    }
    const entry = packages.get(path);
    if (!entry) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":"not found"}');
      return;
    }
    const { manifest, file, bytes } = entry;
    const { address, port } = server.address();
    const body = {
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: {
        [manifest.version]: {
          ...manifest,
          dist: {
            tarball: `http://${address}:${port}/-/${file}`,
            shasum: createHash('sha1').update(bytes).digest('hex'),
            integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
          },
        },
      },
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
