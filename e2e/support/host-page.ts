/**
 * Someone else's website for the widget test: a tiny HTTP server on another origin (`localhost`
 * versus the app's `127.0.0.1`, so another site too) with a strict CSP of its own that allows the
 * widget script and frame and nothing inline.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  /** `http://localhost:PORT` */
  url: string;
  stop(): Promise<void>;
}

export async function startHostPage(appUrl: string): Promise<HostPage> {
  const page = (withWidget: boolean) => `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>星河高新区管委会门户网站</title></head>
<body>
  <h1>星河高新区管委会</h1>
  <p>这是一个嵌入了小新挂件的示例网站。</p>
  ${withWidget ? `<script src="${appUrl}/widget.js" defer></script>` : ''}
</body>
</html>`;
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${appUrl}`,
    `frame-src ${appUrl}`,
    "style-src 'self'",
    "img-src 'self'",
  ].join('; ');
  const server: Server = createServer((request, response) => {
    if (request.url === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const found = request.url === '/' || request.url === '/blank';
    response.writeHead(found ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
    });
    response.end(found ? page(request.url === '/') : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
