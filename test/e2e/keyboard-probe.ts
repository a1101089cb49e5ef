import type { Page } from '@playwright/test';

/** One tab stop as the probe names it: a readable, stable key and its focus ring when unfocused. */
export interface TabStop {
  key: string;
  ring: string;
}

/** The focused element and how its focus indicator looks against what lies behind it. */
export interface FocusedStop extends TabStop {
  outlineStyle: string;
  outlineWidth: number;
  outlineContrast: number;
  shadowSpread: number;
  shadowContrast: number;
}

/** What the probe installs in the page as `globalThis.__keyboardProbe`. */
export interface KeyboardProbe {
  /** Moves the start of sequential focus navigation to the top of the document. */
  reset(): void;
  /** Every element Tab should reach now, in document order, one stop per radio group. */
  stops(): TabStop[];
  /** The focused element, or null when focus is on the document itself. */
  active(): FocusedStop | null;
}

/**
 * Installed with page.addInitScript, so it runs in the page and must not reach anything
 * outside its own body. The e2e project has no DOM library, hence the small local types.
 */
export function installKeyboardProbe(): void {
  interface Style {
    outlineStyle: string;
    outlineWidth: string;
    outlineColor: string;
    outlineOffset: string;
    boxShadow: string;
    backgroundColor: string;
    overflowX: string;
    overflowY: string;
  }
  interface Element {
    tagName: string;
    tabIndex: number;
    textContent: string | null;
    parentElement: Element | null;
    labels?: ArrayLike<Element> | null;
    scrollHeight: number;
    clientHeight: number;
    scrollWidth: number;
    clientWidth: number;
    getAttribute(name: string): string | null;
    matches(selector: string): boolean;
    closest(selector: string): Element | null;
    contains(other: Element): boolean;
    querySelector(selector: string): Element | null;
    checkVisibility(options: { visibilityProperty: boolean }): boolean;
    getBoundingClientRect(): { width: number; height: number };
    setAttribute(name: string, value: string): void;
    removeAttribute(name: string): void;
    focus(): void;
    blur(): void;
  }
  const page = globalThis as unknown as {
    document: { body: Element; activeElement: Element | null; querySelectorAll(selector: string): ArrayLike<Element>; querySelector(selector: string): Element | null };
    getComputedStyle(element: Element): Style;
    __keyboardProbe?: KeyboardProbe;
  };
  const interactive = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const native = 'a[href], button, input, select, textarea, summary';
  // Composite widgets keep one tab stop and move among their parts with the arrows (roving tabindex).
  const roving = '[role="tablist"], [role="radiogroup"], [role="listbox"], [role="menu"], [role="menubar"], [role="grid"], [role="toolbar"], [role="tree"]';

  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const rgba = (text: string): [number, number, number, number] | null => {
    const match = /rgba?\(([^)]+)\)/.exec(text);
    if (!match) return null;
    const parts = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  const contrast = (a: string, b: string) => {
    const first = rgba(a);
    const second = rgba(b);
    if (!first || !second || first[3] === 0) return 0;
    const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  /** The first colour that is not transparent, from `start` up; the page's own white if none. */
  const backgroundBehind = (start: Element | null) => {
    for (let element = start; element; element = element.parentElement) {
      const colour = page.getComputedStyle(element).backgroundColor;
      if ((rgba(colour)?.[3] ?? 0) > 0) return colour;
    }
    return 'rgb(255, 255, 255)';
  };

  const isScroller = (element: Element) => {
    const style = page.getComputedStyle(element);
    return /auto|scroll/.test(`${style.overflowX} ${style.overflowY}`) && (element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth);
  };
  const shouldReach = (element: Element) => {
    const modal = page.document.querySelector('dialog:modal');
    return (
      // A control taken out of the tab order (tabindex="-1") still counts, unless a composite widget reaches it by arrows.
      (element.tabIndex >= 0 || (element.matches(native) && !element.closest(roving))) &&
      !element.matches(':disabled') &&
      !element.closest('[inert]') &&
      (!modal || modal.contains(element)) &&
      element.checkVisibility({ visibilityProperty: true }) &&
      !(element.tagName === 'INPUT' && element.getAttribute('type') === 'hidden')
    );
  };
  /** Tabbable elements in document order, plus scrollers with nothing tabbable inside (Chromium makes those tab stops). */
  const candidates = () => {
    const found: Element[] = [];
    for (const element of Array.from(page.document.querySelectorAll('body *'))) {
      if (element.matches(interactive) ? shouldReach(element) : isScroller(element) && element.checkVisibility({ visibilityProperty: true }) && !Array.from(page.document.querySelectorAll(interactive)).some((inner) => element.contains(inner) && shouldReach(inner))) {
        found.push(element);
      }
    }
    return found;
  };
  const words = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const describe = (element: Element) => {
    const tag = element.tagName.toLowerCase();
    const type = element.getAttribute('type');
    if (tag === 'input' && type === 'radio') return `radio group ${element.getAttribute('name') ?? ''}`;
    const name = element.getAttribute('aria-label') ?? (words(element.labels?.[0]) || words(element) || element.getAttribute('title') || element.getAttribute('class') || '');
    return `${tag}${type ? `[${type}]` : ''} "${name.slice(0, 60)}"`;
  };
  /** Keys for the candidates: the description, numbered from the second of the same; one key per radio group. */
  const keyed = () => {
    const seen = new Map<string, number>();
    return candidates().flatMap((element) => {
      const description = describe(element);
      const count = seen.get(description) ?? 0;
      seen.set(description, count + 1);
      if (description.startsWith('radio group ')) return count === 0 ? [{ element, key: description }] : [{ element, key: '' }];
      return [{ element, key: count === 0 ? description : `${description} #${count + 1}` }];
    });
  };
  /** Where the ring shows: a visually hidden file input shows it on its label. */
  const ringHolder = (element: Element) => {
    const box = element.getBoundingClientRect();
    return (box.width <= 1 || box.height <= 1) && element.labels?.[0] ? element.labels[0] : element;
  };
  const ringOf = (element: Element) => {
    const style = page.getComputedStyle(ringHolder(element));
    return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset} | ${style.boxShadow}`;
  };

  page.__keyboardProbe = {
    reset: () => {
      const body = page.document.body;
      page.document.activeElement?.blur();
      body.setAttribute('tabindex', '-1');
      body.focus();
      body.removeAttribute('tabindex');
    },
    stops: () => keyed().flatMap(({ element, key }) => (key ? [{ key, ring: ringOf(element) }] : [])),
    active: () => {
      const focused = page.document.activeElement;
      if (!focused || focused === page.document.body) return null;
      const entry = keyed().find(({ element }) => element === focused);
      const radioKey = focused.getAttribute('type') === 'radio' ? describe(focused) : null;
      const holder = ringHolder(focused);
      const style = page.getComputedStyle(holder);
      const outlineWidth = Number.parseFloat(style.outlineWidth) || 0;
      const offset = Number.parseFloat(style.outlineOffset) || 0;
      const shadowColour = /rgba?\([^)]+\)/.exec(style.boxShadow)?.[0] ?? '';
      const lengths = style.boxShadow.replace(/rgba?\([^)]+\)/, '').match(/-?[\d.]+px/g) ?? [];
      const inset = style.boxShadow.includes('inset');
      return {
        key: radioKey ?? (entry?.key || `unlisted ${describe(focused)}`),
        ring: ringOf(focused),
        outlineStyle: style.outlineStyle,
        outlineWidth,
        // An outline drawn inside the element is seen against the element; one outside, against what surrounds it.
        outlineContrast: contrast(style.outlineColor, backgroundBehind(offset < 0 ? holder : holder.parentElement)),
        shadowSpread: style.boxShadow === 'none' ? 0 : Number.parseFloat(lengths[3] ?? '0'),
        shadowContrast: shadowColour ? contrast(shadowColour, backgroundBehind(inset ? holder : holder.parentElement)) : 0,
      };
    },
  };
}

/** The page's global object once the probe is installed (evaluated callbacks run there and can only name it). */
type ProbeGlobal = { __keyboardProbe: KeyboardProbe };

/** What one walk over a screen found. */
export interface Walk {
  /** Tab stops in the order Tab reached them. */
  order: string[];
  /** Elements Tab should reach but did not. */
  missed: string[];
  /** Stops Tab reached that the page does not list (focus on something that is not interactive). */
  unlisted: string[];
  /** Stops whose focus indicator is missing, thin, unchanged from unfocused, or under 3:1 against its background. */
  weakFocus: string[];
  /** Whether Tab came back round to the first stop (no trap). */
  cycled: boolean;
  /** Whether Shift+Tab visited the same stops in reverse. */
  reverses: boolean;
}

function focusProblem(stop: FocusedStop, unfocusedRing: string | undefined): string | null {
  const outline = stop.outlineStyle !== 'none' && stop.outlineWidth >= 2;
  const shadow = stop.shadowSpread >= 2;
  if (!outline && !shadow) return `${stop.key}: no focus indicator (${stop.ring})`;
  if (unfocusedRing !== undefined && unfocusedRing === stop.ring) return `${stop.key}: looks the same focused and unfocused (${stop.ring})`;
  const best = Math.max(outline ? stop.outlineContrast : 0, shadow ? stop.shadowContrast : 0);
  if (best < 3) return `${stop.key}: focus indicator contrast ${best.toFixed(2)}:1 (${stop.ring})`;
  return null;
}

/**
 * Walks the page with Tab from the top until focus comes back round, checking each stop's
 * focus indicator, then walks back with Shift+Tab; compares the stops with the page's own list.
 */
export async function walkWithTab(page: Page): Promise<Walk> {
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__keyboardProbe.reset());
  const expected = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__keyboardProbe.stops());
  const unfocused = new Map(expected.map((stop) => [stop.key, stop.ring]));
  const visited: FocusedStop[] = [];
  let cycled = false;
  // Tab also steps through the parts of a date-time field (day, month, year, hours…) before leaving it.
  const limit = expected.length * 3 + 20;
  for (let presses = 0; presses < limit && !cycled; presses++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__keyboardProbe.active());
    if (now === null || now.key === visited[visited.length - 1]?.key) continue;
    if (visited.some((stop) => stop.key === now.key)) {
      cycled = now.key === visited[0]?.key;
      break;
    }
    visited.push(now);
  }
  const order = visited.map((stop) => stop.key);
  // Listed again after the walk too: a control that appeared meanwhile is one Tab should have reached.
  const listedAfter = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__keyboardProbe.stops());
  const backwards: string[] = [];
  if (cycled) {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Shift+Tab');
      const now = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__keyboardProbe.active());
      if (now === null || now.key === backwards[backwards.length - 1]) continue;
      if (now.key === order[0]) break;
      backwards.push(now.key);
    }
  }
  const listed = new Set([...expected, ...listedAfter].map((stop) => stop.key));
  return {
    order,
    missed: [...listed].filter((key) => !order.includes(key)),
    unlisted: order.filter((key) => !listed.has(key)),
    weakFocus: visited.flatMap((stop) => focusProblem(stop, unfocused.get(stop.key)) ?? []),
    cycled,
    reverses: cycled && JSON.stringify(backwards) === JSON.stringify(order.slice(1).reverse()),
  };
}

/** Presses Tab (or Shift+Tab) until `isTarget` says the focused element is the one wanted; fails after `limit` presses. */
export async function tabUntil(page: Page, isTarget: () => Promise<boolean>, options: { backwards?: boolean; limit?: number } = {}): Promise<void> {
  for (let presses = 0; presses < (options.limit ?? 80); presses++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    if (await isTarget()) return;
  }
  throw new Error(`focus never reached the element after ${options.limit ?? 80} presses`);
}
