import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { priorityNameKey } from '../../shared/assessment/recommendations';
import type { Translation } from '../../shared/i18n/en';
import { expect } from './fixtures';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and records (softly, so one run lists every screen's
 * problems) each serious or critical violation with enough detail to find and fix it.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of finishing each run in a fresh page of the
  // context: the app has no cross-origin frames to merge, and ~90 passes per run make the saving count.
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode().analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help} — first at ${JSON.stringify(violation.nodes[0]?.target)}: ${violation.nodes[0]?.failureSummary ?? ''}`);
  expect.soft(blocking, `serious or critical axe violations on ${state}`).toEqual([]);
}

/** The words that name each colour-coded state, in one language: what the page's text must say beside the colour. */
export interface StateWords {
  /** Allowed texts of a green, amber and red badge. */
  badge: Record<'pass' | 'warn' | 'fail', string[]>;
  status: Record<'pass' | 'warn' | 'fail', string>;
  stepState: Record<'pending' | 'done' | 'skipped' | 'failed', string>;
  overTime: string;
  presenterOver: string;
  severities: Record<'info' | 'warn' | 'critical', string>;
  drill: string;
  mosBands: Record<'excellent' | 'good' | 'fair' | 'poor' | 'bad', string>;
  priorities: Record<'must' | 'should' | 'could', string>;
  missingToday: string;
  link: string[];
  micState: Record<'ok' | 'silent' | 'lost' | 'loud', string>;
  levelBand: Record<'below' | 'within' | 'above', string>;
  scoreBand: Record<'low' | 'fair' | 'good', string>;
}

function lookup(strings: Translation, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), strings);
  if (typeof value !== 'string') throw new Error(`no string at ${key}`);
  return value;
}

/** The state words of one language, taken from its translations (never written out in the test). */
export function stateWords(s: Translation): StateWords {
  return {
    badge: {
      pass: [s.preflight.status.pass, s.runner.finished],
      warn: [s.preflight.status.warn, s.runner.paused, s.preflight.missingToday],
      fail: [s.preflight.status.fail],
    },
    status: s.preflight.status,
    stepState: s.runner.stepState,
    overTime: s.runner.overTime,
    presenterOver: s.presenter.over,
    severities: s.incidents.severities,
    drill: s.live.drills.badge,
    mosBands: s.incidents.mosBands,
    priorities: { must: lookup(s, priorityNameKey('must')), should: lookup(s, priorityNameKey('should')), could: lookup(s, priorityNameKey('could')) },
    missingToday: s.preflight.missingToday,
    link: [s.live.tiles.linkUp, s.live.tiles.linkDown, s.live.tiles.none],
    micState: { ...s.live.tiles.micState, loud: s.live.tiles.micLoud },
    levelBand: s.preflight.levelBand,
    scoreBand: s.reports.scoreBand,
  };
}

// The e2e project has no DOM types (its tsconfig serves Node): what the audit reads of the page, typed here.
interface PageElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly outerHTML: string;
  readonly parentElement: PageElement | null;
  readonly classList: { contains(name: string): boolean };
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  getBoundingClientRect(): { width: number; height: number };
}
interface MeterElement extends PageElement {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly optimum: number;
}
interface PageWindow {
  document: { querySelectorAll(selector: string): Iterable<PageElement>; getElementById(id: string): PageElement | null };
  getComputedStyle(element: PageElement): { visibility: string; overflowX: string; overflowY: string; textOverflow: string };
}

/** How many elements of each colour-coded kind a page showed, and what was wrong with them. */
interface StateAudit {
  counts: Record<string, number>;
  problems: string[];
  /** Meters with coloured zones, judged afterwards by the colour they are painted in. */
  meters: ZonedMeter[];
}

/** A meter with coloured zones, and what is written beside it. */
interface ZonedMeter {
  /** Its place among the page's meter elements. */
  index: number;
  kind: 'score' | 'level' | 'mic' | 'other';
  text: string;
  valueText: string;
  belowOptimum: boolean;
  html: string;
}

/**
 * In the page: every element whose state is shown by colour (badges, check cards, steps,
 * clocks over time, incident banners, MOS band bars, priorities, missing devices, the link
 * tile, meters with coloured zones, fields marked invalid) must also state it in text, and no
 * text may be cut off by a box too small for it (Russian runs longer). Meters are judged as the
 * browser colours them: the zone their value falls in (HTML's optimum / suboptimal / even less
 * good regions) must be the one their text names.
 */
function auditStates(words: StateWords): StateAudit {
  const { document, getComputedStyle } = globalThis as unknown as PageWindow;
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  const seen = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
  const text = (element: PageElement | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const describe = (element: PageElement) => {
    const html = element.outerHTML.replace(/\s+/g, ' ');
    return html.length > 160 ? `${html.slice(0, 160)}…` : html;
  };
  const visible = (element: PageElement) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const byIds = (ids: string | null) =>
    (ids ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => text(document.getElementById(id)))
      .join(' ')
      .trim();
  const accessibleName = (element: PageElement) => element.getAttribute('aria-label')?.trim() || byIds(element.getAttribute('aria-labelledby')) || text(element.closest('label'));
  const classState = <K extends string>(element: PageElement, prefix: string, states: readonly K[]): K | null =>
    states.find((state) => element.classList.contains(`${prefix}${state}`)) ?? null;
  const meters: ZonedMeter[] = [];
  let meterIndex = 0;
  const need = (kind: string, element: PageElement, ok: boolean, wanted: string) => {
    seen(kind);
    if (!ok) problems.push(`${kind}: should say ${wanted}, says “${text(element)}” — ${describe(element)}`);
  };

  const statuses = ['pass', 'warn', 'fail'] as const;
  for (const element of document.querySelectorAll('.badge-pass, .badge-warn, .badge-fail')) {
    const state = classState(element, 'badge-', statuses)!;
    need('status badge', element, words.badge[state].includes(text(element)), words.badge[state].join(' or '));
  }
  for (const element of document.querySelectorAll('article.check-pass, article.check-warn, article.check-fail')) {
    const state = classState(element, 'check-', statuses)!;
    need('check card', element, text(element.querySelector(`.badge-${state}`)) === words.status[state], words.status[state]);
  }
  const stepStates = ['pending', 'done', 'skipped', 'failed'] as const;
  for (const element of document.querySelectorAll('.step')) {
    const state = classState(element, 'step-', stepStates);
    if (!state) continue;
    need('run step', element, text(element.querySelector(`.badge-step-${state}`)) === words.stepState[state], words.stepState[state]);
  }
  for (const element of document.querySelectorAll('.clock.over')) need('clock over time', element, text(element).includes(words.overTime), words.overTime);
  for (const element of document.querySelectorAll('.presenter.over')) need('presenter over time', element, text(element).includes(words.presenterOver), words.presenterOver);
  const severities = ['info', 'warn', 'critical'] as const;
  for (const element of document.querySelectorAll('.incident-banner')) {
    const state = classState(element, 'severity-', severities) ?? 'critical';
    need('incident banner', element, text(element).includes(words.severities[state]), words.severities[state]);
  }
  for (const element of document.querySelectorAll('.is-drill, .drill-active')) {
    const badge = element.classList.contains('drill-active') ? element.querySelector('.drill-banner .drill-badge') : element.querySelector('.drill-badge');
    need('drill marking', element, text(badge) === words.drill, words.drill);
  }
  const bands = ['excellent', 'good', 'fair', 'poor', 'bad'] as const;
  for (const element of document.querySelectorAll('.band-bar')) {
    const state = classState(element, 'band-', bands);
    const row = element.closest('li');
    need('MOS band bar', row ?? element, state !== null && text(row?.querySelector('.band-label') ?? null) === words.mosBands[state] && /\d/.test(text(row?.querySelector('.band-value') ?? null)), state ? `${words.mosBands[state]} and its share` : 'a band');
  }
  const priorities = ['must', 'should', 'could'] as const;
  for (const element of document.querySelectorAll('.priority-must, .priority-should, .priority-could')) {
    const state = classState(element, 'priority-', priorities)!;
    need('priority badge', element, text(element) === words.priorities[state], words.priorities[state]);
  }
  for (const element of document.querySelectorAll('[data-missing]')) need('missing device', element, text(element).includes(words.missingToday), words.missingToday);
  for (const element of document.querySelectorAll('[data-tile="link"] .tile-value')) need('link tile', element, words.link.includes(text(element)), words.link.join(' or '));

  for (const meter of document.querySelectorAll('meter, [role="meter"]')) {
    const name = accessibleName(meter);
    const valueText = meter.getAttribute('aria-valuetext')?.trim() ?? '';
    const container = meter.closest('.score-line, .meter-row, [data-tile]') ?? meter.parentElement;
    const around = text(container);
    need('meter', meter, name !== '' && (/\d/.test(valueText) || /\d/.test(around)), 'a name and its value');
    if (meter.tagName !== 'METER') continue;
    const index = meterIndex++;
    if (!meter.hasAttribute('low') && !meter.hasAttribute('high')) continue;
    const { value, optimum } = meter as MeterElement;
    const kind = container?.classList.contains('score-line') ? 'score' : container?.classList.contains('meter-row') ? 'level' : container?.getAttribute('data-tile') === 'mic' ? 'mic' : 'other';
    const stateText = kind === 'mic' ? text(container?.querySelector('.tile-state') ?? null) : around;
    meters.push({ index, kind, text: stateText, valueText, belowOptimum: value < optimum, html: describe(meter) });
  }

  for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
    const described = byIds(field.getAttribute('aria-describedby')) || byIds(field.getAttribute('aria-errormessage'));
    need('invalid field', field, described !== '', 'why it is invalid (aria-describedby)');
  }

  // Text cut off: a box that hides its overflow and holds more than it shows. Screen-reader-only text is cut on purpose.
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('.sr-only, [aria-hidden="true"], .uplot') || !visible(element)) continue;
    const style = getComputedStyle(element);
    const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY) || style.textOverflow === 'ellipsis';
    if (!hides || text(element) === '') continue;
    if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
      seen('clipped text');
      problems.push(`clipped text: “${text(element).slice(0, 80)}” — ${describe(element)}`);
    }
  }
  return { counts, problems, meters };
}

/** The zone a meter is painted in, read from its pixels: what the person sees, whatever the code meant. */
type PaintedZone = 'optimum' | 'suboptimal' | 'even-less-good' | 'empty';

// Chromium's meter colours (measured on this build: the default appearance, no GPU).
const zoneColours: [PaintedZone, [number, number, number]][] = [
  ['optimum', [16, 124, 16]],
  ['suboptimal', [255, 185, 0]],
  ['even-less-good', [216, 59, 1]],
];

async function paintedZone(page: Page, index: number): Promise<PaintedZone> {
  // On a loaded machine a capture now and then comes back without the bar: a bar with a value shows, so read again.
  for (let attempt = 1; ; attempt++) {
    const zone = await readPaintedZone(page, index);
    if (zone !== 'empty' || attempt === 3) return zone;
  }
}

async function readPaintedZone(page: Page, index: number): Promise<PaintedZone> {
  const meter = page.locator('meter').nth(index);
  const image = (await meter.screenshot()).toString('base64');
  // Decoded by the page's canvas (the e2e project carries no PNG decoder). The bar sits somewhere in the
  // element's box, so every pixel is read and the zone colour seen most wins; a bar with no fill reads empty.
  const pixels = await page.evaluate(async (png) => {
    const dom = globalThis as unknown as { Image: new () => { src: string; width: number; height: number; decode(): Promise<void> }; document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } } } };
    const picture = new dom.Image();
    picture.src = `data:image/png;base64,${png}`;
    await picture.decode();
    const canvas = dom.document.createElement('canvas');
    canvas.width = picture.width;
    canvas.height = picture.height;
    const context = canvas.getContext('2d');
    context.drawImage(picture, 0, 0);
    return Array.from(context.getImageData(0, 0, picture.width, picture.height).data);
  }, image);
  const seen = new Map<PaintedZone, number>();
  for (let at = 0; at + 2 < pixels.length; at += 4) {
    const match = zoneColours.find(([, [r, g, b]]) => Math.hypot(r - pixels[at]!, g - pixels[at + 1]!, b - pixels[at + 2]!) < 30);
    if (match) seen.set(match[0], (seen.get(match[0]) ?? 0) + 1);
  }
  return [...seen].reduce<[PaintedZone, number]>((best, next) => (next[1] > best[1] ? next : best), ['empty', 0])[0];
}

/** Whether `text` says `wanted` and none of the other words of its vocabulary (those not part of `wanted`). */
function namesOnly(text: string, wanted: string, vocabulary: readonly string[]): boolean {
  const says = (word: string) => new RegExp(`(^|[\\s,.(])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,.)])`, 'u').test(text);
  return says(wanted) && vocabulary.filter((word) => word !== wanted && !wanted.includes(word)).every((word) => !says(word));
}

/** Meters with coloured zones: the words beside each must name the zone it is painted in. */
async function auditMeterZones(page: Page, words: StateWords, meters: ZonedMeter[], audit: { counts: Record<string, number>; problems: string[] }) {
  for (const meter of meters) {
    const zone = await paintedZone(page, meter.index);
    const kind = `${meter.kind} meter zone`;
    audit.counts[kind] = (audit.counts[kind] ?? 0) + 1;
    let wanted: string[];
    let vocabulary: string[];
    let ok: boolean;
    if (meter.kind === 'score') {
      vocabulary = Object.values(words.scoreBand);
      wanted = [words.scoreBand[zone === 'optimum' ? 'good' : zone === 'suboptimal' ? 'fair' : 'low']];
      ok = namesOnly(meter.text, wanted[0]!, vocabulary);
    } else if (meter.kind === 'level') {
      vocabulary = Object.values(words.levelBand);
      wanted = [words.levelBand[zone === 'optimum' ? 'within' : meter.belowOptimum ? 'below' : 'above']];
      ok = namesOnly(meter.text, wanted[0]!, vocabulary) && namesOnly(meter.valueText, wanted[0]!, vocabulary);
    } else if (meter.kind === 'mic') {
      wanted = zone === 'optimum' ? [words.micState.ok] : meter.belowOptimum ? [words.micState.silent, words.micState.lost] : [words.micState.loud];
      ok = wanted.includes(meter.text);
    } else {
      wanted = ['which zone it is in'];
      ok = false;
    }
    if (!ok) audit.problems.push(`${kind}: painted ${zone}, so it should say ${wanted.join(' or ')}; says “${meter.text}” — ${meter.html}`);
  }
}

/**
 * Checks (softly) that every colour-coded state on the page is also written in text, in the
 * page's language; returns how many elements of each kind were seen, so a test can show its
 * screen had the states it meant to check.
 */
export async function expectStatesInText(page: Page, words: StateWords, state: string): Promise<Record<string, number>> {
  const audit = await page.evaluate(auditStates, words);
  await auditMeterZones(page, words, audit.meters, audit);
  expect.soft(audit.problems, `colour-only states on ${state}`).toEqual([]);
  return audit.counts;
}

/** Both checks of one screen state: axe, and colour carried by text. */
export async function auditScreen(page: Page, words: StateWords, state: string): Promise<Record<string, number>> {
  await expectAccessible(page, state);
  return expectStatesInText(page, words, state);
}
