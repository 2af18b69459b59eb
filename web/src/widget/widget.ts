/**
 * @module web/widget
 * `widget.js`: one `<script src="https://ZONE/widget.js" defer></script>` on any website adds a
 * floating chat button (bottom right) that opens 小新 in an iframe (`/?embed=1`) and closes it
 * again. The server's origin comes from this script's own `src`. It defines one global,
 * `XiaoxinWidget` ({ open, close, toggle }), and styles its elements through `element.style`, which
 * a host page's CSP does not block (no <style> element, no style attributes in markup).
 */

type Styles = Partial<Record<keyof CSSStyleDeclaration, string>>;

interface WidgetApi {
  open(): void;
  close(): void;
  toggle(): void;
}

const BLUE = '#0b4f9c';
const FRAME_ID = 'xiaoxin-widget-frame';

function assign(el: HTMLElement, styles: Styles): void {
  Object.assign(el.style, styles);
}

function svgIcon(paths: string[]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '28');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of paths) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}

const CHAT_ICON = ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z', 'M8 10h.01', 'M12 10h.01', 'M16 10h.01'];
const CLOSE_ICON = ['M18 6 6 18', 'M6 6l12 12'];

function create(script: HTMLScriptElement): WidgetApi {
  const origin = new URL(script.src, document.baseURI).origin;
  let frame: HTMLIFrameElement | undefined;
  let isOpen = false;

  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', FRAME_ID);
  button.setAttribute('data-xiaoxin-widget', 'button');
  assign(button, {
    position: 'fixed',
    right: '20px',
    bottom: '20px',
    zIndex: '2147483000',
    width: '60px',
    height: '60px',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    margin: '0',
    padding: '0',
    border: '2px solid #ffffff',
    borderRadius: '50%',
    background: BLUE,
    color: '#ffffff',
    boxShadow: '0 4px 16px rgba(0, 0, 0, 0.3)',
    cursor: 'pointer',
    outline: 'none',
  });
  // The host's stylesheet cannot be relied on for a focus ring; draw one on keyboard focus.
  button.addEventListener('focus', () => {
    if (button.matches(':focus-visible')) assign(button, { boxShadow: '0 0 0 3px #ffffff, 0 0 0 6px #c25e00' });
  });
  button.addEventListener('blur', () => assign(button, { boxShadow: '0 4px 16px rgba(0, 0, 0, 0.3)' }));

  function showIcon(): void {
    button.replaceChildren(svgIcon(isOpen ? CLOSE_ICON : CHAT_ICON));
    button.setAttribute('aria-label', isOpen ? '关闭小新智能问答' : '打开小新智能问答');
    button.title = isOpen ? '关闭小新' : '有问题？问小新';
    button.setAttribute('aria-expanded', String(isOpen));
  }

  function place(f: HTMLIFrameElement): void {
    const narrow = window.matchMedia('(max-width: 480px)').matches;
    assign(
      f,
      narrow
        ? { right: '0', bottom: '0', width: '100%', height: '100%', borderRadius: '0' }
        : {
            right: '20px',
            bottom: '92px',
            width: 'min(400px, calc(100vw - 40px))',
            height: 'min(640px, calc(100vh - 112px))',
            borderRadius: '16px',
          },
    );
    // On a phone the frame covers the page; its own close button (and Escape) closes it.
    assign(button, { display: narrow && isOpen ? 'none' : 'flex' });
  }

  function ensureFrame(): HTMLIFrameElement {
    if (frame) return frame;
    const f = document.createElement('iframe');
    f.id = FRAME_ID;
    f.title = '小新智能问答';
    f.src = `${origin}/?embed=1`;
    f.setAttribute('allow', 'microphone; autoplay');
    f.setAttribute('data-xiaoxin-widget', 'frame');
    assign(f, {
      position: 'fixed',
      zIndex: '2147483000',
      border: '0',
      background: '#ffffff',
      boxShadow: '0 8px 40px rgba(0, 0, 0, 0.3)',
      colorScheme: 'light',
    });
    document.body.appendChild(f);
    frame = f;
    return f;
  }

  function open(): void {
    const f = ensureFrame();
    isOpen = true;
    f.hidden = false;
    assign(f, { display: 'block' });
    place(f);
    showIcon();
    f.focus();
  }

  function close(): void {
    if (!frame || !isOpen) return;
    isOpen = false;
    frame.hidden = true;
    assign(frame, { display: 'none' });
    place(frame);
    showIcon();
    button.focus();
  }

  function toggle(): void {
    if (isOpen) close();
    else open();
  }

  button.addEventListener('click', toggle);
  window.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    if (data && typeof data === 'object' && (data as { type?: unknown }).type === 'xiaoxin:close') close();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen) close();
  });
  window.addEventListener('resize', () => {
    if (frame) place(frame);
  });

  showIcon();
  document.body.appendChild(button);
  return { open, close, toggle };
}

const NOOP: WidgetApi = { open() {}, close() {}, toggle() {} };

function start(): WidgetApi {
  const existing = (window as unknown as { XiaoxinWidget?: WidgetApi }).XiaoxinWidget;
  if (existing) return existing; // the snippet pasted twice
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || !script.src) {
    console.error('xiaoxin widget: load widget.js with <script src="…/widget.js" defer></script>; the origin comes from src');
    return NOOP;
  }
  if (document.body) return create(script);
  // Without defer, in <head>: wait for the body, keeping the script element found now.
  const api: WidgetApi = { ...NOOP };
  document.addEventListener('DOMContentLoaded', () => Object.assign(api, create(script)), { once: true });
  return api;
}

const widget = start();
export const open = (): void => widget.open();
export const close = (): void => widget.close();
export const toggle = (): void => widget.toggle();
