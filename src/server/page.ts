/**
 * @module server/page
 * The one-page chat for trying xiaoxin in a browser: a text box that posts to /api/chat and shows
 * the answer with its sources. Plain HTML and script in one string, so there is no build step; it
 * is served when the web app is not built. Everything the server sends is shown with textContent,
 * never as HTML. The inline script and style are allowed by their hashes (CHAT_PAGE_CSP).
 */
import { createHash } from 'node:crypto';

const CHAT_STYLE = `
  body { font: 18px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; background: #f4f6f9; color: #1d2430; }
  main { max-width: 760px; margin: 0 auto; padding: 16px; }
  h1 { font-size: 24px; margin: 8px 0 16px; }
  #log { display: flex; flex-direction: column; gap: 12px; margin-bottom: 16px; }
  .q { align-self: flex-end; background: #1f6feb; color: #fff; padding: 8px 14px; border-radius: 14px; max-width: 80%; }
  .a { align-self: flex-start; background: #fff; padding: 12px 16px; border-radius: 14px; max-width: 90%; box-shadow: 0 1px 3px #0002; }
  .a .text { white-space: pre-wrap; }
  .a ol { margin: 8px 0 0; padding-left: 22px; font-size: 15px; color: #4a5568; }
  .a .more button { margin: 6px 6px 0 0; font-size: 15px; border: 1px solid #1f6feb; color: #1f6feb; background: #fff; border-radius: 12px; padding: 2px 10px; cursor: pointer; }
  form { display: flex; gap: 8px; position: sticky; bottom: 0; background: #f4f6f9; padding: 8px 0; }
  input { flex: 1; font-size: 18px; padding: 10px 12px; border: 1px solid #c5ccd6; border-radius: 10px; }
  form button { font-size: 18px; padding: 10px 20px; border: 0; border-radius: 10px; background: #1f6feb; color: #fff; cursor: pointer; }
  .error { color: #b42318; }
`;

const CHAT_SCRIPT = `
  const log = document.getElementById('log');
  const input = document.getElementById('message');
  let sessionId;

  function add(cls, text) {
    const div = document.createElement('div');
    div.className = cls;
    const body = document.createElement('div');
    body.className = 'text';
    body.textContent = text;
    div.appendChild(body);
    log.appendChild(div);
    div.scrollIntoView({ behavior: 'smooth', block: 'end' });
    return div;
  }

  function buttons(div, labels, question) {
    if (!labels.length) return;
    const more = document.createElement('div');
    more.className = 'more';
    for (const label of labels) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.onclick = () => send(question(label));
      more.appendChild(b);
    }
    div.appendChild(more);
  }

  function show(answer) {
    const div = add('a', answer.text);
    buttons(div, (answer.choices || []).map((c) => c.title), (t) => t);
    if (answer.citations.length) {
      const ol = document.createElement('ol');
      for (const c of answer.citations) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = '/api/items/' + encodeURIComponent(c.id);
        a.target = '_blank';
        a.textContent = c.title;
        li.appendChild(a);
        if (c.validUntil) li.appendChild(document.createTextNode('（有效期至 ' + c.validUntil + '）'));
        ol.appendChild(li);
      }
      div.appendChild(ol);
    }
    buttons(div, answer.suggestions || [], (t) => t);
  }

  async function send(message) {
    message = message.trim();
    if (!message) return;
    add('q', message);
    input.value = '';
    try {
      const res = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sessionId ? { message, sessionId } : { message }),
      });
      const data = await res.json();
      // The server forgot the conversation (restarted, or idle for a day): start a new one.
      if (res.status === 404 && sessionId) {
        sessionId = undefined;
        log.lastChild.remove();
        return send(message);
      }
      if (!res.ok) throw new Error(data.error || res.statusText);
      sessionId = data.sessionId;
      show(data.answer);
    } catch (error) {
      add('a error', '出错了：' + error.message);
    }
  }

  document.getElementById('ask').addEventListener('submit', (event) => {
    event.preventDefault();
    send(input.value);
  });
`;

export const CHAT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>小新 · 政务服务助手</title>
<style>${CHAT_STYLE}</style>
</head>
<body>
<main>
  <h1>小新 · 政务服务助手</h1>
  <div id="log"><div class="a"><div class="text">您好，我是小新。请问要办理什么事情？例如：“办理营业执照要带什么材料？”</div></div></div>
  <form id="ask">
    <input id="message" maxlength="500" autocomplete="off" placeholder="请输入您的问题" aria-label="问题">
    <button type="submit">发送</button>
  </form>
</main>
<script>${CHAT_SCRIPT}</script>
</body>
</html>
`;

// Over exactly the text between the tags, as the browser hashes it.
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The content security policy sources that allow exactly this page's inline script and style. */
export const CHAT_PAGE_CSP = { script: hash(CHAT_SCRIPT), style: hash(CHAT_STYLE) };
