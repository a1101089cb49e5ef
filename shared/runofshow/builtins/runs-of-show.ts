import { role, type RunOfShowSource } from './bilingual';
import { at, cue } from './cues';
import { multiDaySeminar } from './seminar';

/** A one-hour working meeting of delegations. */
const webMeeting: RunOfShowSource = {
  kind: 'run_of_show',
  id: 'web-meeting',
  name: { en: 'Web meeting (60 min)', ru: 'Веб-совещание (60 мин)' },
  description: {
    en: 'A one-hour working meeting of delegations: 10 minutes to join and check the sound, then 50 minutes on the agenda. Start the run when the meeting opens (09:50 for a 10:00 meeting).',
    ru: 'Часовое рабочее совещание делегаций: 10 минут на подключение и проверку звука, затем 50 минут по повестке. Запускайте сценарий в момент открытия встречи (09:50 для совещания в 10:00).',
  },
  days: [
    {
      key: 'meeting',
      title: { en: 'Meeting', ru: 'Совещание' },
      startMinutes: at(9, 50),
      segments: [
        {
          key: 'doors-open',
          title: { en: 'Doors open and tech check', ru: 'Подключение и проверка связи' },
          durationMinutes: 10,
          presenter: role.cohost,
          cues: [
            { en: 'Welcome slide up: title and start time', ru: 'На экране приветственный слайд: название и время начала' },
            cue.admit,
            { en: 'Sound check with each delegation', ru: 'Проверка звука с каждой делегацией' },
          ],
          steps: [
            {
              key: 'admit-participants',
              owner: role.cohost,
              title: { en: 'Admit participants and fix their names', ru: 'Впустите участников и поправьте их имена' },
              details: {
                en: 'Admit only the people you expect. Rename unclear names to “Name, Agency”.',
                ru: 'Впускайте только ожидаемых участников. Непонятные имена переименуйте в формат «Имя, ведомство».',
              },
            },
            {
              key: 'delegation-sound-check',
              owner: role.cohost,
              title: { en: 'Check the sound with each delegation', ru: 'Проверьте звук с каждой делегацией' },
              details: {
                en: 'Ask each delegation to say a few words: you hear them clearly and they hear you. If someone has echo, help them mute their extra devices.',
                ru: 'Попросите каждую делегацию сказать несколько слов: вы их хорошо слышите, они — вас. Если у кого-то эхо, помогите отключить лишние устройства.',
              },
            },
            {
              key: 'chair-ready',
              owner: role.host,
              title: { en: 'Chair seated, microphone on, in the picture', ru: 'Председатель на месте, микрофон включён, в кадре' },
            },
          ],
        },
        {
          key: 'welcome',
          title: { en: 'Welcome and agenda', ru: 'Открытие и повестка' },
          durationMinutes: 5,
          presenter: role.chair,
          cues: [
            { en: 'Chair announces the recording', ru: 'Председатель объявляет о записи' },
            cue.startRecording,
            { en: 'Agenda slide up', ru: 'Слайд с повесткой на экран' },
          ],
          steps: [
            {
              key: 'recording-on',
              owner: role.cohost,
              title: { en: 'Start the recording after the notice', ru: 'Включите запись после объявления' },
              details: {
                en: 'The chair says the meeting is recorded; then start the recording and check the recording indicator is on.',
                ru: 'Председатель объявляет, что встреча записывается; после этого включите запись и убедитесь, что индикатор записи горит.',
              },
            },
            {
              key: 'ground-rules',
              owner: role.host,
              title: { en: 'Say how the meeting works', ru: 'Объявите правила встречи' },
              details: {
                en: 'Microphones off unless speaking; raise a hand to ask for the floor; links and documents in the chat; if you drop out, rejoin with the same link; choose your language in the interpretation menu.',
                ru: 'Микрофон включаем, только когда говорим; слово просим поднятой рукой; ссылки и документы — в чат; если выпали — входите по той же ссылке; язык перевода выбирается в меню перевода.',
              },
            },
            { key: 'agenda-adopted', owner: role.secretary, title: { en: 'Note that the agenda is adopted', ru: 'Отметьте, что повестка принята' } },
          ],
        },
        {
          key: 'discussion',
          title: { en: 'Discussion items', ru: 'Обсуждение вопросов повестки' },
          durationMinutes: 30,
          presenter: { en: 'Chair and item leads', ru: 'Председатель и ответственные по пунктам' },
          cues: [
            { en: 'Item 1 slide up', ru: 'Слайд пункта 1 на экран' },
            { en: 'Share the item lead’s document', ru: 'Показать документ ответственного по пункту' },
            { en: '5 minutes left on the item: note to the chair', ru: '5 минут до конца пункта — записка председателю' },
            { en: 'Next item slide up', ru: 'Слайд следующего пункта на экран' },
          ],
          steps: [
            {
              key: 'speaker-queue',
              owner: role.cohost,
              title: { en: 'Keep the speaker queue', ru: 'Ведите очередь выступающих' },
              details: {
                en: 'Take raised hands and chat requests in order and pass the list to the chair; when someone is given the floor, ask them to unmute.',
                ru: 'Собирайте поднятые руки и просьбы в чате по порядку и передавайте список председателю; когда выступающему дают слово, попросите его включить микрофон.',
              },
            },
            {
              key: 'notes',
              owner: role.secretary,
              title: { en: 'Take notes of positions and decisions', ru: 'Записывайте позиции и решения' },
              details: { en: 'For each item: who spoke, the positions, the proposed decision.', ru: 'По каждому пункту: кто выступил, какие позиции, какое решение предложено.' },
            },
            {
              key: 'watch-quality',
              owner: role.technician,
              title: { en: 'Watch the link and the sound', ru: 'Следите за связью и звуком' },
              details: {
                en: 'Keep RoomReady’s live monitor in view; at the first alert, open the Plan B it suggests.',
                ru: 'Держите мониторинг RoomReady перед глазами; при первом оповещении откройте предложенный план Б.',
              },
            },
          ],
        },
        {
          key: 'decisions',
          title: { en: 'Decisions and next steps', ru: 'Решения и дальнейшие шаги' },
          durationMinutes: 10,
          presenter: role.chair,
          cues: [
            { en: 'Draft decisions on screen', ru: 'Проект решений на экран' },
            { en: 'Chair reads each decision aloud', ru: 'Председатель зачитывает каждое решение' },
          ],
          steps: [
            {
              key: 'read-decisions',
              owner: role.host,
              title: { en: 'Read each decision aloud and show it on screen', ru: 'Зачитайте каждое решение и покажите его на экране' },
              details: {
                en: 'After each one, ask for objections; note the delegations that keep a separate opinion.',
                ru: 'После каждого спросите, есть ли возражения; отметьте делегации, оставшиеся при особом мнении.',
              },
            },
            { key: 'action-owners', owner: role.secretary, title: { en: 'Write an owner and a date for each action', ru: 'Для каждого поручения запишите ответственного и срок' } },
          ],
        },
        {
          key: 'close',
          title: { en: 'Close', ru: 'Закрытие' },
          durationMinutes: 5,
          presenter: role.chair,
          cues: [{ en: 'Closing slide with the next meeting date', ru: 'Заключительный слайд с датой следующей встречи' }, cue.stopRecording, cue.endForAll],
          steps: [
            {
              key: 'next-meeting',
              owner: role.host,
              title: { en: 'Announce the next meeting and when the minutes follow', ru: 'Объявите дату следующей встречи и срок рассылки протокола' },
            },
            {
              key: 'end-meeting',
              owner: role.cohost,
              title: { en: 'Stop the recording, then end the meeting for all', ru: 'Остановите запись, затем завершите встречу для всех' },
            },
          ],
        },
      ],
    },
  ],
};

/** A 90-minute webinar: green room, two presenters, moderated questions. */
const webinar: RunOfShowSource = {
  kind: 'run_of_show',
  id: 'webinar',
  name: { en: 'Webinar with two presenters (90 min)', ru: 'Вебинар с двумя докладчиками (90 мин)' },
  description: {
    en: 'Twenty minutes in the green room with the presenters before attendees are let in, then 70 minutes live: opening, two presentations, moderated questions, closing. Start the run when the green room opens (13:40 for a 14:00 webinar).',
    ru: 'Двадцать минут подготовки с докладчиками, пока зрителей ещё не впустили, затем 70 минут в эфире: открытие, два доклада, вопросы через модератора, закрытие. Запускайте сценарий в начале подготовки (13:40 для вебинара в 14:00).',
  },
  days: [
    {
      key: 'webinar-day',
      title: { en: 'Webinar', ru: 'Вебинар' },
      startMinutes: at(13, 40),
      segments: [
        {
          key: 'green-room',
          title: { en: 'Green room (presenters only)', ru: 'Подготовка докладчиков (без зрителей)' },
          durationMinutes: 20,
          presenter: { en: 'Host with the presenters', ru: 'Ведущий с докладчиками' },
          cues: [
            { en: 'Practice mode on: attendees wait', ru: 'Режим подготовки: зрители ждут' },
            { en: 'Each presenter shares their screen once', ru: 'Каждый докладчик один раз показывает экран' },
            { en: 'Agree the 5-minute and 1-minute signals', ru: 'Договориться о сигналах «5 минут» и «1 минута»' },
          ],
          steps: [
            {
              key: 'presenters-joined',
              owner: role.cohost,
              title: { en: 'All presenters and the moderator have joined', ru: 'Все докладчики и модератор подключены' },
              details: { en: 'Call anyone still missing at T-15 on their mobile.', ru: 'Тем, кого нет за 15 минут до начала, позвоните на мобильный.' },
            },
            {
              key: 'presenter-av-check',
              owner: role.technician,
              title: { en: 'Check each presenter’s camera, microphone and light', ru: 'Проверьте у каждого докладчика камеру, микрофон и свет' },
              details: {
                en: 'Face lit from the front, camera at eye level, headset or close microphone, no echo. A presenter in the room has passed the RoomReady preflight.',
                ru: 'Лицо освещено спереди, камера на уровне глаз, гарнитура или близкий микрофон, эха нет. Докладчик в зале прошёл проверку RoomReady.',
              },
            },
            {
              key: 'share-test',
              owner: role.technician,
              title: { en: 'Test screen sharing with each presenter', ru: 'Проверьте демонстрацию экрана у каждого докладчика' },
              details: {
                en: 'Each presenter shares their deck and moves one slide; if the deck has a video, they share with computer sound on.',
                ru: 'Каждый докладчик показывает свою презентацию и перелистывает слайд; если в ней есть видео — демонстрация со звуком компьютера.',
              },
            },
            {
              key: 'backup-decks',
              owner: role.host,
              title: { en: 'Open both decks on the presenting PC as a backup', ru: 'Откройте обе презентации на компьютере трансляции про запас' },
              details: {
                en: 'If a presenter’s share fails, you show their slides and they say “next slide”.',
                ru: 'Если у докладчика не получится демонстрация, слайды покажете вы, а он будет говорить «следующий слайд».',
              },
            },
            {
              key: 'qa-roles',
              owner: role.moderator,
              title: { en: 'Agree how questions are handled', ru: 'Договоритесь о порядке вопросов' },
              details: {
                en: 'Questions go in the Q&A box, not the chat; the co-host sorts them; the moderator reads them out with the asker’s name and agency.',
                ru: 'Вопросы — в окно «Вопросы и ответы», а не в чат; соведущий их сортирует; модератор зачитывает вслух с именем и ведомством автора.',
              },
            },
          ],
        },
        {
          key: 'opening',
          title: { en: 'Opening', ru: 'Открытие' },
          durationMinutes: 5,
          presenter: role.moderator,
          cues: [
            { en: 'Open the webinar to attendees', ru: 'Открыть вебинар для зрителей' },
            cue.startRecording,
            { en: 'Slide 1 up: title and housekeeping', ru: 'Слайд 1 на экран: название и организационные моменты' },
            { en: 'Moderator on camera', ru: 'Модератор в кадре' },
          ],
          steps: [
            { key: 'go-live', owner: role.host, title: { en: 'Open the webinar to attendees', ru: 'Откройте вебинар для зрителей' } },
            { key: 'recording-started', owner: role.cohost, title: { en: 'Start the recording and check the indicator', ru: 'Включите запись и проверьте индикатор' } },
            {
              key: 'housekeeping',
              owner: role.moderator,
              title: { en: 'Say the housekeeping', ru: 'Объявите организационные моменты' },
              details: {
                en: 'The webinar is recorded, and why; the interpretation channels; questions in the Q&A box; the slides will be sent afterwards.',
                ru: 'Идёт запись, и с какой целью; каналы перевода; вопросы — в окно вопросов; презентации пришлём после вебинара.',
              },
            },
          ],
        },
        {
          key: 'presenter-1',
          title: { en: 'Presenter 1', ru: 'Доклад 1' },
          durationMinutes: 20,
          presenter: { en: 'Presenter 1', ru: 'Докладчик 1' },
          cues: [
            { en: 'Spotlight presenter 1', ru: 'Закрепить видео докладчика 1 для всех' },
            { en: 'Presenter 1’s slides up', ru: 'Слайды докладчика 1 на экран' },
            cue.fiveLeft,
            cue.oneLeft,
          ],
          steps: [
            {
              key: 'p1-timer',
              owner: role.host,
              title: { en: 'Start the 20-minute speaker timer', ru: 'Запустите таймер докладчика на 20 минут' },
              details: {
                en: 'Start it in RoomReady so the presenter timer window shows the time left.',
                ru: 'Запустите его в RoomReady — окно таймера для докладчика покажет оставшееся время.',
              },
            },
            {
              key: 'p1-questions',
              owner: role.cohost,
              title: { en: 'Sort the incoming questions', ru: 'Сортируйте поступающие вопросы' },
              details: {
                en: 'Merge duplicates, mark the ones to read out, and answer questions about links and logistics in writing.',
                ru: 'Объединяйте повторы, отмечайте те, что будут зачитаны, а на вопросы о ссылках и организационные отвечайте письменно.',
              },
            },
          ],
        },
        {
          key: 'presenter-2',
          title: { en: 'Presenter 2', ru: 'Доклад 2' },
          durationMinutes: 20,
          presenter: { en: 'Presenter 2', ru: 'Докладчик 2' },
          cues: [
            { en: 'Stop presenter 1’s screen share', ru: 'Остановить демонстрацию экрана докладчика 1' },
            { en: 'Switch to presenter 2’s laptop', ru: 'Переключиться на ноутбук докладчика 2' },
            { en: 'Spotlight presenter 2', ru: 'Закрепить видео докладчика 2 для всех' },
            { en: 'Presenter 2’s slides up', ru: 'Слайды докладчика 2 на экран' },
            cue.fiveLeft,
            cue.oneLeft,
          ],
          steps: [
            {
              key: 'p2-handover',
              owner: role.technician,
              title: { en: 'Switch to presenter 2’s laptop', ru: 'Переключитесь на ноутбук докладчика 2' },
              details: {
                en: 'Stop presenter 1’s share first, then presenter 2 shares. If presenter 2 sits elsewhere in the room, switch the camera preset or microphone to their seat.',
                ru: 'Сначала остановите демонстрацию докладчика 1, затем показывает докладчик 2. Если докладчик 2 сидит в зале на другом месте, переключите на него камеру или микрофон.',
              },
            },
            { key: 'p2-timer', owner: role.host, title: { en: 'Start the 20-minute speaker timer', ru: 'Запустите таймер докладчика на 20 минут' } },
            {
              key: 'p2-questions',
              owner: role.cohost,
              title: { en: 'Pick the five best questions for the moderator', ru: 'Выберите для модератора пять главных вопросов' },
            },
          ],
        },
        {
          key: 'qa',
          title: { en: 'Questions and answers', ru: 'Вопросы и ответы' },
          durationMinutes: 20,
          presenter: { en: 'Moderator with both presenters', ru: 'Модератор и оба докладчика' },
          cues: [
            { en: 'Q&A slide up', ru: 'Слайд «Вопросы и ответы» на экран' },
            { en: 'Both presenters on camera', ru: 'Оба докладчика в кадре' },
            { en: 'Moderator reads the questions aloud', ru: 'Модератор зачитывает вопросы вслух' },
            { en: '5 minutes left: last question', ru: 'Осталось 5 минут — последний вопрос' },
          ],
          steps: [
            {
              key: 'read-questions',
              owner: role.moderator,
              title: { en: 'Read each question aloud, then say who answers', ru: 'Зачитывайте каждый вопрос и называйте, кто отвечает' },
              details: {
                en: 'Give the asker’s name and agency; keep each answer to about two minutes.',
                ru: 'Называйте имя и ведомство автора; на ответ — около двух минут.',
              },
            },
            {
              key: 'written-answers',
              owner: role.cohost,
              title: { en: 'Answer short questions in writing', ru: 'На короткие вопросы отвечайте письменно' },
              details: {
                en: 'Links, slides and dates: answer them in the Q&A box, so the moderator’s time goes to real questions.',
                ru: 'Ссылки, презентации, даты — отвечайте в окне вопросов, чтобы время модератора уходило на содержательные вопросы.',
              },
            },
            { key: 'open-questions', owner: role.cohost, title: { en: 'List the questions left unanswered', ru: 'Запишите вопросы, оставшиеся без ответа' } },
          ],
        },
        {
          key: 'closing',
          title: { en: 'Closing', ru: 'Закрытие' },
          durationMinutes: 5,
          presenter: role.moderator,
          cues: [
            { en: 'Closing slide with the feedback link', ru: 'Заключительный слайд со ссылкой на анкету' },
            { en: 'Post the feedback link in the chat', ru: 'Ссылку на анкету — в чат' },
            cue.stopRecording,
            { en: 'End the webinar for all', ru: 'Завершить вебинар для всех' },
          ],
          steps: [
            {
              key: 'thanks',
              owner: role.moderator,
              title: { en: 'Thank the presenters; say when slides and recording follow', ru: 'Поблагодарите докладчиков; скажите, когда пришлёте презентации и запись' },
            },
            { key: 'end-webinar', owner: role.cohost, title: { en: 'Stop the recording, then end the webinar', ru: 'Остановите запись, затем завершите вебинар' } },
          ],
        },
      ],
    },
  ],
};

/** An interactive capacity-building session for the people who run the rooms, with a Plan B drill. */
const virtualTraining: RunOfShowSource = {
  kind: 'run_of_show',
  id: 'virtual-training',
  name: { en: 'Virtual training session', ru: 'Онлайн-тренинг' },
  description: {
    en: 'Two and a half hours of capacity building for the staff who run meeting rooms: two modules, a breakout exercise on their own setup, a Plan B drill run with RoomReady and a short quiz.',
    ru: 'Два с половиной часа обучения для сотрудников, которые готовят залы: два модуля, упражнение в группах на собственном оборудовании, учения по плану Б в RoomReady и короткий тест.',
  },
  days: [
    {
      key: 'training-day',
      title: { en: 'Training', ru: 'Тренинг' },
      startMinutes: at(10),
      segments: [
        {
          key: 'join-check',
          title: { en: 'Joining and setup check', ru: 'Подключение и проверка оборудования' },
          durationMinutes: 10,
          presenter: role.cohost,
          cues: [{ en: 'Welcome slide: “Cameras on, please; test your microphone”', ru: 'Приветственный слайд: «Включите, пожалуйста, камеру и проверьте микрофон»' }, cue.admit],
          steps: [
            { key: 'tr-admit', owner: role.cohost, title: { en: 'Admit participants and rename them “Name, Agency”', ru: 'Впустите участников и переименуйте их в формат «Имя, ведомство»' } },
            {
              key: 'tr-sound-check',
              owner: role.cohost,
              title: { en: 'Hear every participant once', ru: 'Услышьте каждого участника' },
              details: {
                en: 'Ask each to say their name: sound works both ways. Anyone with a bad link: suggest audio only.',
                ru: 'Попросите каждого назвать себя: звук проходит в обе стороны. Тем, у кого слабая связь, предложите режим «только звук».',
              },
            },
            { key: 'tr-handouts', owner: role.trainer, title: { en: 'Post the handouts link in the chat', ru: 'Опубликуйте в чате ссылку на раздаточные материалы' } },
          ],
        },
        {
          key: 'icebreaker',
          title: { en: 'Icebreaker', ru: 'Знакомство' },
          durationMinutes: 10,
          presenter: role.trainer,
          cues: [
            cue.startRecording,
            { en: 'Poll up: “How is your connection today?”', ru: 'Опрос на экран: «Как сегодня ваша связь?»' },
            { en: 'Each participant: name, agency, one problem with online events', ru: 'Каждый участник: имя, ведомство, одна проблема онлайн-мероприятий' },
          ],
          steps: [
            { key: 'tr-recording', owner: role.cohost, title: { en: 'Announce the recording, then start it', ru: 'Объявите о записи, затем включите её' } },
            { key: 'tr-poll', owner: role.cohost, title: { en: 'Launch the poll and share the results', ru: 'Запустите опрос и покажите результаты' } },
            {
              key: 'tr-round',
              owner: role.trainer,
              title: { en: 'Twenty seconds each: name, agency, one problem', ru: 'Каждому — 20 секунд: имя, ведомство, одна проблема' },
              details: {
                en: 'Write the problems on a shared slide: the modules come back to them.',
                ru: 'Записывайте проблемы на общий слайд — к ним вернёмся в модулях.',
              },
            },
          ],
        },
        {
          key: 'module-1',
          title: { en: 'Module 1: preparing the room', ru: 'Модуль 1: подготовка зала' },
          durationMinutes: 30,
          presenter: role.trainer,
          cues: [
            { en: 'Module 1 slides up', ru: 'Слайды модуля 1 на экран' },
            { en: 'Demo: RoomReady preflight of the trainer’s room (share screen)', ru: 'Демонстрация: проверка зала тренера в RoomReady (показ экрана)' },
            { en: 'Check-in question at 15 minutes', ru: 'Вопрос аудитории на 15-й минуте' },
          ],
          steps: [
            { key: 'tr-m1-timer', owner: role.cohost, title: { en: 'Start the 30-minute timer', ru: 'Запустите таймер на 30 минут' } },
            {
              key: 'tr-m1-demo',
              owner: role.trainer,
              title: { en: 'Run the preflight live and explain one warning and its fix', ru: 'Проведите проверку в прямом эфире и разберите одно «внимание» и его устранение' },
              details: {
                en: 'Cover equipment by event type, the room layout, light and backlight, microphones and echo, the wired and the backup link.',
                ru: 'Расскажите об оборудовании по типам мероприятий, расстановке в зале, свете и контровой засветке, микрофонах и эхе, кабельном и резервном канале.',
              },
            },
            { key: 'tr-m1-chat', owner: role.cohost, title: { en: 'Collect questions from the chat for the end of the module', ru: 'Собирайте вопросы из чата к концу модуля' } },
          ],
        },
        {
          key: 'breakout',
          title: { en: 'Breakout exercise: check your own room', ru: 'Упражнение в группах: проверьте свой зал' },
          durationMinutes: 25,
          presenter: { en: 'Trainer and co-host', ru: 'Тренер и соведущий' },
          cues: [
            { en: 'Task posted in the chat', ru: 'Задание опубликовано в чате' },
            { en: 'Open breakout rooms: groups of 4–5, 20 minutes', ru: 'Открыть сессионные залы: группы по 4–5 человек, 20 минут' },
            { en: 'Broadcast: 5 minutes left, choose your reporter', ru: 'Сообщение во все залы: осталось 5 минут, выберите докладчика' },
            { en: 'Close the rooms with a 60-second countdown', ru: 'Закрыть залы с отсчётом 60 секунд' },
          ],
          steps: [
            {
              key: 'tr-br-task',
              owner: role.trainer,
              title: { en: 'Post the task before opening the rooms', ru: 'Опубликуйте задание до открытия залов' },
              details: {
                en: 'Each group runs a RoomReady preflight on one member’s setup, lists the three fixes that matter most and picks a reporter.',
                ru: 'Каждая группа проводит проверку RoomReady на оборудовании одного из участников, составляет три самых важных исправления и выбирает докладчика.',
              },
            },
            { key: 'tr-br-visit', owner: role.cohost, title: { en: 'Visit every room once; help groups stuck on the tool', ru: 'Загляните в каждый зал; помогите группам, у которых не получается' } },
            { key: 'tr-br-report', owner: role.trainer, title: { en: 'One finding from each reporter, one minute each', ru: 'От каждого докладчика — один вывод, по минуте' } },
          ],
        },
        {
          key: 'break',
          title: { en: 'Break', ru: 'Перерыв' },
          durationMinutes: 10,
          cues: [{ en: 'Break slide with countdown up', ru: 'Слайд перерыва с обратным отсчётом на экран' }],
          steps: [
            {
              key: 'tr-drill-prep',
              owner: role.trainer,
              title: { en: 'Prepare the drill', ru: 'Подготовьте учения' },
              details: {
                en: 'Choose the failure to simulate and the playbook the team should reach; choose who plays host, co-host and technician.',
                ru: 'Выберите, какой сбой имитировать и какой план Б должна открыть команда; определите, кто играет ведущего, соведущего и техника.',
              },
            },
          ],
        },
        {
          key: 'module-2',
          title: { en: 'Module 2: running the event and Plan B', ru: 'Модуль 2: ведение мероприятия и план Б' },
          durationMinutes: 30,
          presenter: role.trainer,
          cues: [
            { en: 'Module 2 slides up', ru: 'Слайды модуля 2 на экран' },
            { en: 'Demo: run of show with timers and the presenter view', ru: 'Демонстрация: сценарий с таймерами и окно докладчика' },
            { en: 'Walk through one Plan B playbook', ru: 'Разбор одного плана Б' },
          ],
          steps: [
            { key: 'tr-m2-timer', owner: role.cohost, title: { en: 'Start the 30-minute timer', ru: 'Запустите таймер на 30 минут' } },
            {
              key: 'tr-m2-roles',
              owner: role.trainer,
              title: { en: 'Announce the drill roles', ru: 'Объявите роли на учениях' },
              details: { en: 'Name the host, co-host and technician; everyone else observes and times.', ru: 'Назовите ведущего, соведущего и техника; остальные наблюдают и засекают время.' },
            },
            { key: 'tr-m2-chat', owner: role.cohost, title: { en: 'Collect questions from the chat for the end of the module', ru: 'Собирайте вопросы из чата к концу модуля' } },
          ],
        },
        {
          key: 'plan-b-drill',
          title: { en: 'Plan B drill', ru: 'Учения по плану Б' },
          durationMinutes: 15,
          presenter: role.trainer,
          cues: [
            { en: 'Announce: “This is a drill”', ru: 'Объявить: «Это учения»' },
            { en: 'Inject the simulated failure in RoomReady', ru: 'Запустить в RoomReady имитацию сбоя' },
            { en: 'Stop the clock when the host confirms recovery', ru: 'Остановить отсчёт, когда ведущий подтвердит восстановление' },
          ],
          steps: [
            { key: 'tr-drill-announce', owner: role.trainer, title: { en: 'Say it is a drill and who plays which role', ru: 'Скажите, что это учения, и кто какую роль играет' } },
            { key: 'tr-drill-inject', owner: role.trainer, title: { en: 'Inject the simulated failure in RoomReady', ru: 'Запустите имитацию сбоя в RoomReady' } },
            {
              key: 'tr-drill-recover',
              owner: role.host,
              title: { en: 'Open the suggested playbook and work through it', ru: 'Откройте предложенный план Б и выполните его' },
              details: {
                en: 'Read the script aloud for real; tick each step as it is done.',
                ru: 'Текст для участников произносите по-настоящему; отмечайте каждый шаг по мере выполнения.',
              },
            },
            {
              key: 'tr-drill-debrief',
              owner: role.trainer,
              title: { en: 'Debrief: time to recover, what slowed the team, what to change', ru: 'Разбор: время восстановления, что мешало, что изменить' },
            },
          ],
        },
        {
          key: 'quiz',
          title: { en: 'Quiz', ru: 'Тест' },
          durationMinutes: 10,
          presenter: role.trainer,
          cues: [{ en: 'Launch the quiz poll (5 questions)', ru: 'Запустить тест-опрос (5 вопросов)' }, { en: 'Share the results', ru: 'Показать результаты' }],
          steps: [
            { key: 'tr-quiz-launch', owner: role.cohost, title: { en: 'Launch the quiz; close it after 5 minutes', ru: 'Запустите тест и закройте его через 5 минут' } },
            { key: 'tr-quiz-review', owner: role.trainer, title: { en: 'Go over the questions most people missed', ru: 'Разберите вопросы, в которых ошиблись больше всего' } },
          ],
        },
        {
          key: 'wrap-up',
          title: { en: 'Wrap-up', ru: 'Подведение итогов' },
          durationMinutes: 10,
          presenter: role.trainer,
          cues: [
            { en: 'Key points slide up', ru: 'Слайд с главными выводами на экран' },
            { en: 'Feedback and certificate links in the chat', ru: 'Ссылки на анкету и сертификат — в чат' },
            cue.stopRecording,
            cue.endForAll,
          ],
          steps: [
            { key: 'tr-wrap-points', owner: role.trainer, title: { en: 'Three key points and the next session date', ru: 'Три главных вывода и дата следующего занятия' } },
            {
              key: 'tr-wrap-attendance',
              owner: role.cohost,
              title: { en: 'Export the attendance for the certificates', ru: 'Выгрузите список присутствовавших для сертификатов' },
            },
            { key: 'tr-wrap-end', owner: role.cohost, title: { en: 'Stop the recording, then end the meeting for all', ru: 'Остановите запись, затем завершите встречу для всех' } },
          ],
        },
      ],
    },
  ],
};

/** The built-in runs of show. */
export const runOfShowSources: readonly RunOfShowSource[] = [webMeeting, webinar, multiDaySeminar, virtualTraining];
