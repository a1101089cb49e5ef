import { role, type RunOfShowSource } from './bilingual';
import { at, cue } from './cues';

const speakerTimers = (key: string) => ({
  key,
  owner: role.host,
  title: { en: 'Start each speaker’s timer', ru: 'Запускайте таймер каждого докладчика' },
  details: {
    en: 'Fifteen minutes per speaker unless the programme says otherwise; show “5 minutes” and “wrap up” on the presenter timer.',
    ru: 'По 15 минут на докладчика, если в программе не указано иное; выводите на таймер докладчика «5 минут» и «Завершайте».',
  },
});

const collectQuestions = (key: string) => ({
  key,
  owner: role.cohost,
  title: { en: 'Collect questions for the discussion', ru: 'Собирайте вопросы для обсуждения' },
  details: {
    en: 'Pass the moderator the questions from the chat, with names and agencies.',
    ru: 'Передавайте модератору вопросы из чата с именами и ведомствами авторов.',
  },
});

const recordingPart = (key: string, day: number, part: number) => ({
  key,
  owner: role.cohost,
  title: { en: `Start recording: day ${day}, part ${part}`, ru: `Включите запись: день ${day}, часть ${part}` },
  details: {
    en: 'The recording is split at every break, so a failure loses one session at most. Check the indicator is on.',
    ru: 'Запись делится на части в каждом перерыве, чтобы сбой стоил не больше одной сессии. Проверьте, что индикатор записи горит.',
  },
});

const stopRecordingPart = (key: string, day: number, part: number) => ({
  key,
  owner: role.cohost,
  title: { en: `Stop recording day ${day}, part ${part}, and check the file`, ru: `Остановите запись (день ${day}, часть ${part}) и проверьте файл` },
});

const recordingCue = (day: number, part: number) => ({ en: `Start recording (day ${day}, part ${part})`, ru: `Включить запись (день ${day}, часть ${part})` });
const stopRecordingCue = (day: number, part: number) => ({ en: `Stop recording (day ${day}, part ${part})`, ru: `Остановить запись (день ${day}, часть ${part})` });

const breakCues = (day: number, part: number) => [
  stopRecordingCue(day, part),
  { en: 'Break slide with countdown up', ru: 'Слайд перерыва с обратным отсчётом на экран' },
  { en: 'Room microphones off; meeting stays open', ru: 'Микрофоны зала выключены; встреча не закрывается' },
];

/** Two days of a regional seminar, so a multi-day programme is rehearsed end to end. */
export const multiDaySeminar: RunOfShowSource = {
  kind: 'run_of_show',
  id: 'multi-day-seminar',
  name: { en: 'Two-day regional seminar', ru: 'Двухдневный региональный семинар' },
  description: {
    en: 'Two days of sessions with coffee and lunch breaks. Each day opens with a reconnection and tech check; the recording is split at every break so one failure never costs more than a session; the room is rechecked at lunch for the afternoon light.',
    ru: 'Два дня сессий с кофе-брейками и обедом. Каждый день начинается с подключения и проверки связи; запись делится на части в каждом перерыве, чтобы один сбой стоил не больше одной сессии; в обед зал проверяется заново с учётом дневного света.',
  },
  days: [
    {
      key: 'day-1',
      title: { en: 'Day 1', ru: 'День 1' },
      startMinutes: at(9),
      segments: [
        {
          key: 'd1-tech-check',
          title: { en: 'Registration and tech check', ru: 'Регистрация и проверка связи' },
          durationMinutes: 30,
          presenter: role.cohost,
          cues: [
            { en: 'Welcome slide with the programme up', ru: 'Приветственный слайд с программой на экране' },
            cue.admit,
            { en: 'Interpretation channels open', ru: 'Каналы перевода открыты' },
          ],
          steps: [
            {
              key: 'd1-admit',
              owner: role.cohost,
              title: { en: 'Admit participants and rename them “Name, Agency”', ru: 'Впустите участников и переименуйте их в формат «Имя, ведомство»' },
            },
            {
              key: 'd1-delegations-check',
              owner: role.cohost,
              title: { en: 'Sound check with every delegation', ru: 'Проверьте звук с каждой делегацией' },
              details: {
                en: 'Each delegation says a few words; fix echo and low levels now, not during the opening.',
                ru: 'Каждая делегация говорит несколько слов; эхо и тихий звук исправляйте сейчас, а не во время открытия.',
              },
            },
            {
              key: 'd1-interpreters-in',
              owner: role.interpreter,
              required: false,
              title: { en: 'Interpreters on their channels, hand-over times agreed', ru: 'Переводчики в своих каналах, время смены согласовано' },
            },
          ],
        },
        {
          key: 'd1-opening',
          title: { en: 'Opening session', ru: 'Открытие семинара' },
          durationMinutes: 30,
          presenter: { en: 'Chair and senior officials', ru: 'Председатель и руководители ведомств' },
          cues: [
            recordingCue(1, 1),
            { en: 'Opening slide up', ru: 'Открывающий слайд на экран' },
            { en: 'Spotlight each speaker in turn', ru: 'Закреплять видео каждого выступающего по очереди' },
            { en: 'Gallery view for the group photo', ru: 'Режим галереи для общего фото' },
          ],
          steps: [
            recordingPart('d1-recording-1', 1, 1),
            {
              key: 'd1-housekeeping',
              owner: role.host,
              title: { en: 'Say how the seminar works', ru: 'Объявите правила семинара' },
              details: {
                en: 'Microphones off unless speaking; questions in the chat; the interpretation menu; break times; the same link for both days.',
                ru: 'Микрофон включаем, только когда говорим; вопросы — в чат; меню перевода; время перерывов; одна и та же ссылка на оба дня.',
              },
            },
            {
              key: 'd1-group-photo',
              owner: role.host,
              required: false,
              title: { en: 'Group photo, with consent', ru: 'Общее фото — с согласия участников' },
              details: {
                en: 'Ask who agrees to be in the photo, ask them to turn cameras on, and take a screenshot of the gallery.',
                ru: 'Спросите, кто согласен попасть на фото, попросите их включить камеры и сделайте снимок экрана в режиме галереи.',
              },
            },
          ],
        },
        {
          key: 'd1-session-1',
          title: { en: 'Session 1', ru: 'Сессия 1' },
          durationMinutes: 60,
          presenter: { en: 'Session 1 moderator and speakers', ru: 'Модератор и докладчики сессии 1' },
          cues: [
            { en: 'First speaker’s slides up', ru: 'Слайды первого докладчика на экран' },
            { en: 'Switch to the next speaker’s slides', ru: 'Переключиться на слайды следующего докладчика' },
            { en: '15 minutes left: discussion opens', ru: 'Осталось 15 минут — начинается обсуждение' },
          ],
          steps: [
            speakerTimers('d1-s1-timers'),
            collectQuestions('d1-s1-questions'),
            {
              key: 'd1-s1-monitor',
              owner: role.technician,
              title: { en: 'Watch the live monitor', ru: 'Следите за мониторингом' },
              details: { en: 'At the first alert, open the Plan B that RoomReady suggests.', ru: 'При первом оповещении откройте план Б, который предложит RoomReady.' },
            },
          ],
        },
        {
          key: 'd1-coffee',
          title: { en: 'Coffee break', ru: 'Кофе-брейк' },
          durationMinutes: 15,
          cues: breakCues(1, 1),
          steps: [
            stopRecordingPart('d1-coffee-recording', 1, 1),
            { key: 'd1-coffee-batteries', owner: role.technician, title: { en: 'Check microphone batteries; swap low ones', ru: 'Проверьте батарейки микрофонов, разряженные замените' } },
            {
              key: 'd1-coffee-speakers',
              owner: role.host,
              title: { en: 'Next session’s speakers joined and tested', ru: 'Докладчики следующей сессии подключены и проверены' },
            },
          ],
        },
        {
          key: 'd1-session-2',
          title: { en: 'Session 2', ru: 'Сессия 2' },
          durationMinutes: 60,
          presenter: { en: 'Session 2 moderator and speakers', ru: 'Модератор и докладчики сессии 2' },
          cues: [recordingCue(1, 2), { en: 'First speaker’s slides up', ru: 'Слайды первого докладчика на экран' }, cue.fiveLeft],
          steps: [recordingPart('d1-s2-recording', 1, 2), speakerTimers('d1-s2-timers'), collectQuestions('d1-s2-questions')],
        },
        {
          key: 'd1-lunch',
          title: { en: 'Lunch break', ru: 'Обеденный перерыв' },
          durationMinutes: 60,
          cues: [...breakCues(1, 2), { en: 'Lunch slide with the restart time', ru: 'Слайд обеда со временем продолжения' }],
          steps: [
            stopRecordingPart('d1-lunch-recording', 1, 2),
            { key: 'd1-lunch-charge', owner: role.technician, title: { en: 'Charge the laptops and microphones', ru: 'Поставьте на зарядку ноутбуки и микрофоны' } },
            {
              key: 'd1-lunch-light',
              owner: role.technician,
              title: { en: 'Check the light and blinds for the afternoon sun', ru: 'Проверьте свет и жалюзи с учётом дневного солнца' },
            },
            {
              key: 'd1-lunch-preflight',
              owner: role.technician,
              title: { en: 'Run a quick RoomReady preflight', ru: 'Проведите быструю проверку зала в RoomReady' },
              evidence: { en: 'Preflight saved in RoomReady', ru: 'Проверка сохранена в RoomReady' },
            },
          ],
        },
        {
          key: 'd1-session-3',
          title: { en: 'Session 3: panel discussion', ru: 'Сессия 3: панельная дискуссия' },
          durationMinutes: 60,
          presenter: { en: 'Panel moderator and panellists', ru: 'Модератор и участники панели' },
          cues: [
            recordingCue(1, 3),
            { en: 'Spotlight the panellists', ru: 'Закрепить видео участников панели' },
            { en: '10 minutes left: closing round', ru: 'Осталось 10 минут — заключительный круг' },
          ],
          steps: [
            recordingPart('d1-s3-recording', 1, 3),
            {
              key: 'd1-s3-panellists',
              owner: role.technician,
              title: { en: 'Every panellist on camera with good sound before the start', ru: 'До начала все участники панели в кадре и хорошо слышны' },
            },
            collectQuestions('d1-s3-questions'),
          ],
        },
        {
          key: 'd1-wrap',
          title: { en: 'Day 1 wrap-up', ru: 'Завершение первого дня' },
          durationMinutes: 15,
          presenter: role.chair,
          cues: [
            { en: 'Summary slide up', ru: 'Слайд с итогами на экран' },
            { en: 'Day 2 start time and the same link on screen', ru: 'На экране время начала второго дня и та же ссылка' },
            stopRecordingCue(1, 3),
            cue.endForAll,
          ],
          steps: [
            {
              key: 'd1-wrap-summary',
              owner: role.host,
              title: { en: 'Sum up the day and announce day 2', ru: 'Подведите итоги дня и объявите второй день' },
              details: {
                en: 'Start time, the same link, the tech check opening 30 minutes before.',
                ru: 'Время начала, та же ссылка, проверка связи — за 30 минут до начала.',
              },
            },
            {
              key: 'd1-wrap-recording',
              owner: role.cohost,
              title: { en: 'Stop the recording, end the meeting, save all three parts', ru: 'Остановите запись, завершите встречу, сохраните все три части' },
            },
            {
              key: 'd1-wrap-incidents',
              owner: role.technician,
              title: { en: 'Log today’s incidents and fix what failed before tomorrow', ru: 'Зафиксируйте сегодняшние инциденты и до завтра устраните неисправности' },
            },
          ],
        },
      ],
    },
    {
      key: 'day-2',
      title: { en: 'Day 2', ru: 'День 2' },
      startMinutes: at(9),
      segments: [
        {
          key: 'd2-tech-check',
          title: { en: 'Reconnection and tech check', ru: 'Подключение и проверка связи' },
          durationMinutes: 30,
          presenter: role.cohost,
          cues: [{ en: 'Day 2 programme slide up', ru: 'Слайд с программой второго дня на экран' }, cue.admit],
          steps: [
            {
              key: 'd2-preflight',
              owner: role.technician,
              title: { en: 'Run the RoomReady preflight before admitting anyone', ru: 'Проведите проверку RoomReady до того, как впускать участников' },
              details: {
                en: 'Compare with yesterday’s result: devices get moved and cables unplugged overnight.',
                ru: 'Сравните со вчерашним результатом: за ночь устройства переставляют, а кабели выдёргивают.',
              },
              evidence: { en: 'Preflight saved in RoomReady', ru: 'Проверка сохранена в RoomReady' },
            },
            { key: 'd2-admit', owner: role.cohost, title: { en: 'Admit participants; sound check with every delegation', ru: 'Впустите участников; проверьте звук с каждой делегацией' } },
            {
              key: 'd2-interpreters-in',
              owner: role.interpreter,
              required: false,
              title: { en: 'Interpreters assigned again and on their channels', ru: 'Переводчики снова назначены и в своих каналах' },
              details: {
                en: 'A new meeting session may drop yesterday’s interpreter assignments: check each one.',
                ru: 'В новом сеансе встречи вчерашние назначения переводчиков могут слететь — проверьте каждое.',
              },
            },
          ],
        },
        {
          key: 'd2-recap',
          title: { en: 'Recap of day 1', ru: 'Краткий обзор первого дня' },
          durationMinutes: 15,
          presenter: role.chair,
          cues: [recordingCue(2, 1), { en: 'Day 1 recap slide up', ru: 'Слайд с обзором первого дня на экран' }],
          steps: [
            recordingPart('d2-recording-1', 2, 1),
            {
              key: 'd2-recap-points',
              owner: role.host,
              title: { en: 'Recap the key points and today’s open questions', ru: 'Напомните главные выводы и открытые вопросы на сегодня' },
            },
          ],
        },
        {
          key: 'd2-session-4',
          title: { en: 'Session 4', ru: 'Сессия 4' },
          durationMinutes: 60,
          presenter: { en: 'Session 4 moderator and speakers', ru: 'Модератор и докладчики сессии 4' },
          cues: [{ en: 'First speaker’s slides up', ru: 'Слайды первого докладчика на экран' }, cue.fiveLeft],
          steps: [speakerTimers('d2-s4-timers'), collectQuestions('d2-s4-questions')],
        },
        {
          key: 'd2-coffee',
          title: { en: 'Coffee break', ru: 'Кофе-брейк' },
          durationMinutes: 15,
          cues: breakCues(2, 1),
          steps: [
            stopRecordingPart('d2-coffee-recording', 2, 1),
            { key: 'd2-coffee-batteries', owner: role.technician, title: { en: 'Check microphone batteries; swap low ones', ru: 'Проверьте батарейки микрофонов, разряженные замените' } },
            {
              key: 'd2-coffee-rooms',
              owner: role.cohost,
              title: { en: 'Prepare the breakout rooms for the working groups', ru: 'Подготовьте сессионные залы для рабочих групп' },
              details: {
                en: 'One room per topic; assign participants in advance; each room has a facilitator and a reporter.',
                ru: 'По залу на каждую тему; распределите участников заранее; в каждом зале — ведущий группы и докладчик.',
              },
            },
          ],
        },
        {
          key: 'd2-working-groups',
          title: { en: 'Working groups', ru: 'Работа в группах' },
          durationMinutes: 60,
          presenter: { en: 'Group facilitators', ru: 'Ведущие групп' },
          cues: [
            recordingCue(2, 2),
            { en: 'Open the breakout rooms (45 minutes)', ru: 'Открыть сессионные залы (45 минут)' },
            { en: 'Broadcast: 10 minutes left, finish the report slide', ru: 'Сообщение во все залы: осталось 10 минут, заканчивайте слайд с итогами' },
            { en: 'Close the rooms with a 60-second countdown', ru: 'Закрыть залы с отсчётом 60 секунд' },
          ],
          steps: [
            recordingPart('d2-wg-recording', 2, 2),
            {
              key: 'd2-wg-visit',
              owner: role.cohost,
              title: { en: 'Visit every room once', ru: 'Загляните в каждый зал' },
              details: { en: 'Help groups with sound or sharing trouble; tell the host which group is behind.', ru: 'Помогите группам с проблемами звука или демонстрации; скажите ведущему, какая группа отстаёт.' },
            },
            {
              key: 'd2-wg-interpretation',
              owner: role.interpreter,
              required: false,
              title: { en: 'Interpreters work inside the rooms that need them', ru: 'Переводчики работают в тех залах, где нужен перевод' },
              details: {
                en: 'Interpretation channels may not carry into breakout rooms: move the interpreters into the rooms that need them and interpret consecutively there.',
                ru: 'Каналы перевода могут не работать в сессионных залах: назначьте переводчиков в те залы, где нужен перевод, — там он будет последовательным.',
              },
            },
          ],
        },
        {
          key: 'd2-lunch',
          title: { en: 'Lunch break', ru: 'Обеденный перерыв' },
          durationMinutes: 60,
          cues: [...breakCues(2, 2), { en: 'Lunch slide with the restart time', ru: 'Слайд обеда со временем продолжения' }],
          steps: [
            stopRecordingPart('d2-lunch-recording', 2, 2),
            { key: 'd2-lunch-charge', owner: role.technician, title: { en: 'Charge the laptops and microphones', ru: 'Поставьте на зарядку ноутбуки и микрофоны' } },
            {
              key: 'd2-lunch-reports',
              owner: role.host,
              title: { en: 'Collect every group’s report slide on the presenting PC', ru: 'Соберите слайды с итогами всех групп на компьютере трансляции' },
            },
          ],
        },
        {
          key: 'd2-conclusions',
          title: { en: 'Group reports and recommendations', ru: 'Доклады групп и рекомендации' },
          durationMinutes: 45,
          presenter: { en: 'Group reporters and the chair', ru: 'Докладчики групп и председатель' },
          cues: [
            recordingCue(2, 3),
            { en: 'Each group’s report slide up in turn', ru: 'Слайды групп на экран по очереди' },
            { en: '5 minutes per group', ru: 'По 5 минут на группу' },
          ],
          steps: [
            recordingPart('d2-conclusions-recording', 2, 3),
            { key: 'd2-conclusions-timers', owner: role.host, title: { en: 'Run a 5-minute timer for each reporter', ru: 'Запускайте 5-минутный таймер для каждого докладчика группы' } },
            { key: 'd2-conclusions-notes', owner: role.secretary, title: { en: 'Record each recommendation as it is agreed', ru: 'Записывайте каждую рекомендацию по мере согласования' } },
          ],
        },
        {
          key: 'd2-closing',
          title: { en: 'Closing session', ru: 'Закрытие семинара' },
          durationMinutes: 30,
          presenter: { en: 'Chair and senior officials', ru: 'Председатель и руководители ведомств' },
          cues: [
            { en: 'Recommendations slide up', ru: 'Слайд с рекомендациями на экран' },
            { en: 'Feedback link in the chat', ru: 'Ссылка на анкету — в чат' },
            stopRecordingCue(2, 3),
            cue.endForAll,
          ],
          steps: [
            {
              key: 'd2-closing-feedback',
              owner: role.host,
              title: { en: 'Post the feedback form; say when the materials follow', ru: 'Опубликуйте анкету; скажите, когда пришлёте материалы' },
            },
            {
              key: 'd2-closing-recording',
              owner: role.cohost,
              title: { en: 'Stop the recording, end the meeting, save every part', ru: 'Остановите запись, завершите встречу, сохраните все части' },
              details: { en: 'Then start the post-event wrap-up checklist.', ru: 'Затем запустите чек-лист «Завершение после мероприятия».' },
            },
          ],
        },
      ],
    },
  ],
};
