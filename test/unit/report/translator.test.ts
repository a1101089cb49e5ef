import { describe, expect, it } from 'vitest';
import { messageFormatter } from '../../../electron/cli/messages';
import { createTranslator, formatDate, formatDateTime, formatNumber, formatTime, localizeValues } from '../../../shared/i18n/translator';

describe('the shared translator', () => {
  it('translates synchronously in the chosen language and says which', () => {
    const en = createTranslator('en');
    const ru = createTranslator('ru');
    expect(en.language).toBe('en');
    expect(ru.language).toBe('ru');
    expect(en('report.sections.summary')).toBe('Summary');
    expect(ru('report.sections.summary')).toBe('Итоги');
    // Values go in unescaped: HTML and CSV escape for themselves.
    expect(en('report.documentTitle', { room: 'A & <B>', date: 'today' })).toBe('Room assessment: A & <B>, today');
  });

  it('chooses the Russian plural forms one, few and many', () => {
    const ru = createTranslator('ru');
    const streams = (count: number) => ru('report.capacity.streams', { count, height: 720 });
    expect([1, 2, 5, 11, 21, 22, 25].map(streams)).toEqual([
      '1 поток 720p',
      '2 потока 720p',
      '5 потоков 720p',
      '11 потоков 720p',
      '21 поток 720p',
      '22 потока 720p',
      '25 потоков 720p',
    ]);
    const en = createTranslator('en');
    expect([1, 2].map((count) => en('report.capacity.streams', { count, height: 360 }))).toEqual(['1 stream at 360p', '2 streams at 360p']);
  });

  it('writes numbers the local way', () => {
    expect(formatNumber('ru', 1.5, 1)).toBe('1,5');
    expect(formatNumber('en', 1.5, 1)).toBe('1.5');
    expect(formatNumber('ru', 12_345.678, 2)).toBe('12\u00a0345,68');
    expect(formatNumber('en', 12_345.678, 2)).toBe('12,345.68');
    expect(formatNumber('ru', 1080)).toBe('1080');
    expect(formatNumber('en', -0.0004, 2)).toBe('0');
    expect(formatNumber('ru', 3.999, 2)).toBe('4');
    expect(localizeValues('ru', { upload: 1.25, count: 3, name: 'Зал 1.5' })).toEqual({ upload: '1,25', count: 3, name: 'Зал 1.5' });
  });

  it('writes dates the local way', () => {
    const march5 = Date.UTC(2025, 2, 5, 12);
    expect(formatDate('en', march5, 'UTC')).toBe('March 5, 2025');
    expect(formatDate('ru', march5, 'UTC')).toBe('5 марта 2025 г.');
  });

  it('writes thousands and decimals the local way, with a no-break space between Russian thousands', () => {
    expect(formatNumber('en', 1234.5, 1)).toBe('1234.5');
    expect(formatNumber('ru', 1234.5, 1)).toBe('1234,5');
    expect(formatNumber('en', 123_456.5, 1)).toBe('123,456.5');
    expect(formatNumber('ru', 123_456.5, 1)).toBe('123\u00a0456,5');
    expect(formatNumber('ru', -23.01, 2)).toBe('-23,01');
  });

  it('writes a moment to the minute, to the second, and a time of day, in a fixed time zone', () => {
    const afternoon = Date.UTC(2025, 2, 5, 14, 5, 9);
    expect(formatDateTime('en', afternoon, 'UTC')).toBe('Mar 5, 2025, 02:05 PM');
    expect(formatDateTime('ru', afternoon, 'UTC')).toBe('5 мар. 2025 г., 14:05');
    expect(formatDateTime('en', afternoon, 'UTC', 'second')).toBe('Mar 5, 2025, 02:05:09 PM');
    expect(formatDateTime('ru', afternoon, 'UTC', 'second')).toBe('5 мар. 2025 г., 14:05:09');
    expect(formatTime('en', afternoon, 'UTC')).toBe('2:05:09 PM');
    expect(formatTime('ru', afternoon, 'UTC')).toBe('14:05:09');
    // The same moment in Moscow (UTC+3): the zone asked for is honoured, not the cached format's.
    expect(formatTime('ru', afternoon, 'Europe/Moscow')).toBe('17:05:09');
    expect(formatDateTime('ru', Date.UTC(2025, 11, 31, 22, 30), 'Europe/Moscow')).toBe('1 янв. 2026 г., 01:30');
  });

  it('is what the CLI words its messages with', async () => {
    const format = await messageFormatter('ru');
    expect(format({ key: 'report.capacity.streams', values: { count: 3, height: 360 } })).toBe('3 потока 360p');
  });
});
