import { role, type ChecklistSource } from './bilingual';

const dayBefore = -24 * 60;
const hourBefore = -60;
const quarterBefore = -15;

/** The room, the link and the people, checked the day before, an hour before and 15 minutes before. */
const preEventRoomCheck: ChecklistSource = {
  kind: 'checklist',
  id: 'pre-event-room-check',
  name: { en: 'Pre-event room check', ru: 'Проверка зала перед мероприятием' },
  description: {
    en: 'The room, the link and the people, checked the day before (T-24 h), an hour before (T-60 min) and 15 minutes before the start (T-15 min). Due times count from the event start. Note the evidence, so the next check has something to compare with.',
    ru: 'Зал, связь и люди: проверка накануне (за 24 ч), за час и за 15 минут до начала. Сроки отсчитываются от начала мероприятия. Записывайте подтверждения — следующей проверке будет с чем сравнить.',
  },
  steps: [
    // T-24 h: everything that takes time to fix or to get.
    {
      key: 'preflight-full',
      due: dayBefore,
      owner: role.technician,
      title: { en: 'Run the full RoomReady preflight', ru: 'Проведите полную проверку зала в RoomReady' },
      details: {
        en: 'Choose the room and the profile for this event type, then run the device and network preflight with the cameras, microphones and speakers that will be used. Fix every fail today; write down every warning and who will fix it.',
        ru: 'Выберите зал и профиль для этого типа мероприятия и проверьте устройства и сеть — именно те камеры, микрофоны и динамики, которые будут работать. Каждый «сбой» устраните сегодня; каждое «внимание» запишите вместе с тем, кто его устранит.',
      },
      evidence: { en: 'Preflight saved in RoomReady (number and time)', ru: 'Номер и время проверки в RoomReady' },
    },
    {
      key: 'wired-link',
      due: dayBefore,
      owner: role.it,
      title: { en: 'Connect the presenting PC by cable', ru: 'Подключите компьютер трансляции по кабелю' },
      details: {
        en: 'Plug the PC that joins the meeting into the network socket with an Ethernet cable and turn its Wi-Fi off, so it cannot jump to a weaker network mid-event. Ask IT to hold back large downloads and updates on this network during the event.',
        ru: 'Подключите компьютер, с которого зал входит во встречу, к сетевой розетке кабелем Ethernet и выключите на нём Wi-Fi, чтобы посреди мероприятия он не перескочил на более слабую сеть. Попросите ИТ-службу не запускать в это время в этой сети крупные загрузки и обновления.',
      },
      evidence: { en: 'Network test on the cable: download, upload, round-trip time', ru: 'Тест сети по кабелю: входящая и исходящая скорость, задержка' },
    },
    {
      key: 'backup-4g',
      due: dayBefore,
      owner: role.it,
      title: { en: 'Prepare the backup 4G link', ru: 'Подготовьте резервный канал 4G' },
      details: {
        en: 'Charge the 4G router (or a phone that can share its connection) and check it has data for at least 2 hours of video, about 2 GB. Test its speed in the room itself: upload should be at least 1 Mbps. Leave it charged on the control desk with the Wi-Fi password stuck on it.',
        ru: 'Зарядите 4G-роутер (или телефон, который умеет раздавать интернет) и убедитесь, что трафика хватит минимум на 2 часа видео — это около 2 ГБ. Проверьте скорость прямо в зале: исходящая — не ниже 1 Мбит/с. Оставьте его заряженным на пульте, пароль Wi-Fi наклейте на корпус.',
      },
      evidence: { en: '4G speed test in the room (download, upload)', ru: 'Скорость 4G в зале (входящая и исходящая)' },
    },
    {
      key: 'ups-power',
      due: dayBefore,
      owner: role.it,
      title: { en: 'Put the PC, router and switch on the UPS', ru: 'Подключите компьютер, роутер и коммутатор к ИБП' },
      details: {
        en: 'Plug the presenting PC, the network switch and the router into the UPS and check its battery is charged. Pull the UPS plug from the wall for 30 seconds: everything must keep running.',
        ru: 'Включите компьютер трансляции, сетевой коммутатор и роутер в розетки ИБП и проверьте заряд его батареи. Выньте вилку ИБП из сети на 30 секунд: всё должно продолжать работать.',
      },
      evidence: { en: 'Run time shown by the UPS', ru: 'Время автономной работы по индикатору ИБП' },
    },
    {
      key: 'meeting-security',
      due: dayBefore,
      owner: role.host,
      title: { en: 'Set up the meeting: passcode and waiting room on', ru: 'Настройте встречу: код доступа и зал ожидания' },
      details: {
        en: 'Passcode required, waiting room on, participants join muted, only the host can share the screen, automatic recording off (you start it yourself). Send the link and passcode only to the invitation list, never on a public page.',
        ru: 'Код доступа обязателен, зал ожидания включён, участники входят с выключенным микрофоном, демонстрировать экран может только организатор, автоматическая запись выключена (вы включите её сами). Ссылку и код рассылайте только по списку приглашённых и нигде не публикуйте.',
      },
      evidence: { en: 'Screenshot of the meeting settings', ru: 'Снимок экрана с настройками встречи' },
    },
    {
      key: 'backup-meeting',
      due: dayBefore,
      owner: role.host,
      title: { en: 'Prepare a backup meeting on a second platform', ru: 'Подготовьте резервную встречу на другой платформе' },
      details: {
        en: 'Schedule the same meeting on a second platform (or under a second account) and write now the message that sends everyone there: link, passcode, restart time. Keep the participants’ e-mail list and messenger group at hand.',
        ru: 'Создайте такую же встречу на другой платформе (или под другой учётной записью) и заранее напишите сообщение, которое отправит туда всех: ссылка, код доступа, время продолжения. Держите под рукой адреса участников и группу в мессенджере.',
      },
    },
    {
      key: 'cohost-assigned',
      due: dayBefore,
      owner: role.host,
      title: { en: 'Assign a co-host', ru: 'Назначьте соведущего' },
      details: {
        en: 'Name a second person who admits participants, mutes, watches the chat and takes over if the room drops out. They join from another place or over another link (for example 4G), not from the room PC. Give them co-host rights in the meeting settings.',
        ru: 'Определите второго человека: он впускает участников, выключает микрофоны, следит за чатом и берёт встречу на себя, если зал отключится. Он подключается из другого места или по другому каналу (например, 4G), а не с компьютера зала. Дайте ему в настройках встречи права соорганизатора.',
      },
      evidence: { en: 'Co-host’s name and mobile number', ru: 'Имя и мобильный телефон соведущего' },
    },
    {
      key: 'interpretation-setup',
      due: dayBefore,
      owner: role.host,
      required: false,
      title: { en: 'Set up the interpretation channels', ru: 'Настройте каналы синхронного перевода' },
      details: {
        en: 'Turn language interpretation on in the meeting, create the channels (for example English and Russian) and assign each interpreter by the e-mail they will join with. Agree how interpreters hand over and how they warn the host of a problem (chat or phone).',
        ru: 'Включите во встрече синхронный перевод, создайте языковые каналы (например, английский и русский) и назначьте каждого переводчика по адресу, с которым он войдёт. Договоритесь, как переводчики сменяют друг друга и как сообщают ведущему о проблеме (чат или телефон).',
      },
    },
    {
      key: 'slides-collected',
      due: dayBefore,
      owner: role.host,
      title: { en: 'Collect the final slides', ru: 'Соберите окончательные версии презентаций' },
      details: {
        en: 'Put every presenter’s final deck in one folder on the presenting PC, each also saved as PDF, and copy the folder to a USB stick. Ask for videos as separate files.',
        ru: 'Сложите итоговые презентации всех докладчиков в одну папку на компьютере трансляции, каждую — ещё и в PDF, и скопируйте папку на флешку. Видеоролики попросите прислать отдельными файлами.',
      },
      evidence: { en: 'File list on the PC and on the USB stick', ru: 'Список файлов на компьютере и на флешке' },
    },
    {
      key: 'recording-notice',
      due: dayBefore,
      owner: role.host,
      title: { en: 'Prepare the recording consent notice', ru: 'Подготовьте уведомление о записи' },
      details: {
        en: 'Add to the invitation and to the opening slide: the session is recorded, why, who will see the recording, how long it is kept and whom to contact to object. Agree who presses Record and where the file goes.',
        ru: 'Добавьте в приглашение и на первый слайд: встреча записывается, с какой целью, кто увидит запись, сколько она хранится и к кому обратиться, если вы против. Решите, кто включает запись и куда сохраняется файл.',
      },
    },
    {
      key: 'charge-batteries',
      due: dayBefore,
      owner: role.technician,
      title: { en: 'Charge laptops and spare batteries', ru: 'Зарядите ноутбуки и запасные батарейки' },
      details: {
        en: 'Charge every laptop used in the event and leave its charger in the room. Charge (or buy) two spare sets of batteries for every wireless microphone and one for the slide clicker.',
        ru: 'Зарядите все ноутбуки, которые будут работать на мероприятии, и оставьте зарядные устройства в зале. Зарядите (или купите) по два запасных комплекта батареек на каждый беспроводной микрофон и один — для пульта презентаций.',
      },
      evidence: { en: 'Number of charged spare sets', ru: 'Сколько заряженных запасных комплектов' },
    },
    {
      key: 'contact-sheet',
      due: dayBefore,
      owner: role.host,
      title: { en: 'Print the phone list', ru: 'Распечатайте список телефонов' },
      details: {
        en: 'One page by the control desk: the meeting platform’s support, the IT duty phone, building facilities, the interpreters, the co-host and every presenter’s mobile. On paper, because the PC may be what fails.',
        ru: 'Один лист у пульта: поддержка платформы видеосвязи, дежурный ИТ-службы, служба эксплуатации здания, переводчики, соведущий и мобильные всех докладчиков. Именно на бумаге: отказать может как раз компьютер.',
      },
      evidence: { en: 'Printed list on the control desk', ru: 'Распечатанный список лежит у пульта' },
    },
    // T-60 min: the room as it will be used.
    {
      key: 'preflight-again',
      due: hourBefore,
      owner: role.technician,
      title: { en: 'Run the RoomReady preflight again', ru: 'Повторите проверку зала в RoomReady' },
      details: {
        en: 'Run it on the devices in place now and compare with yesterday’s result. A new fail: swap in the spare device now, not during the event.',
        ru: 'Проверьте устройства, которые стоят на местах сейчас, и сравните со вчерашним результатом. Появился новый «сбой» — замените устройство запасным сейчас, а не во время мероприятия.',
      },
      evidence: { en: 'Preflight saved in RoomReady (number and time)', ru: 'Номер и время проверки в RoomReady' },
    },
    {
      key: 'recording-space',
      due: hourBefore,
      owner: role.technician,
      title: { en: 'Check there is room for the recording', ru: 'Проверьте место для записи' },
      details: {
        en: 'At least 10 GB free on the PC that records locally, or enough cloud recording space left on the account.',
        ru: 'Не меньше 10 ГБ свободного места на компьютере, если запись локальная, или достаточно места для облачной записи в учётной записи.',
      },
    },
    {
      key: 'mics-speakers',
      due: hourBefore,
      owner: role.technician,
      title: { en: 'Check every microphone and the speakers', ru: 'Проверьте каждый микрофон и динамики' },
      details: {
        en: 'Put fresh batteries in the wireless microphones and the spare set on the control desk. Speak into each microphone from the seat where it will be used while a second person listens on a laptop joined to the meeting outside the room: clear, no echo, no hum.',
        ru: 'Вставьте свежие батарейки в беспроводные микрофоны, запасной комплект положите на пульт. Скажите несколько фраз в каждый микрофон с того места, где им будут пользоваться, а второй человек пусть слушает с ноутбука, подключённого к встрече за пределами зала: звук чистый, без эха и гула.',
      },
    },
    {
      key: 'lighting',
      due: hourBefore,
      owner: role.technician,
      title: { en: 'Check the lighting and backlight', ru: 'Проверьте освещение и контровую засветку' },
      details: {
        en: 'Look at the camera picture with people in the speakers’ seats: faces evenly lit from the front, no window, lamp or bright screen behind them. The backlight check of the RoomReady preflight should pass.',
        ru: 'Посмотрите на картинку камеры, когда на местах выступающих сидят люди: лица освещены ровно и спереди, за спиной нет окна, лампы или яркого экрана. Проверка контровой засветки в RoomReady должна быть пройдена.',
      },
      evidence: { en: 'Screenshot of the camera picture', ru: 'Снимок кадра с камеры' },
    },
    {
      key: 'blinds-closed',
      due: hourBefore,
      owner: role.technician,
      title: { en: 'Close the blinds behind the speakers', ru: 'Закройте жалюзи за спинами выступающих' },
      details: {
        en: 'Close the blinds or curtains on every window the camera sees. The sun moves: check again before afternoon sessions.',
        ru: 'Закройте жалюзи или шторы на всех окнах, которые попадают в кадр. Солнце перемещается — перед дневными заседаниями проверьте ещё раз.',
      },
    },
    {
      key: 'interpretation-test',
      due: hourBefore,
      owner: role.interpreter,
      required: false,
      title: { en: 'Test the interpretation channel', ru: 'Проверьте канал перевода' },
      details: {
        en: 'Interpreters join from where they will work and speak on each language channel; a second person listens on each channel and confirms. Check that the interpreters hear the room clearly and that their own microphone does not leak into the main audio.',
        ru: 'Переводчики подключаются оттуда, откуда будут работать, и говорят в каждый языковой канал; второй человек слушает каждый канал и подтверждает. Убедитесь, что переводчики хорошо слышат зал и что их микрофон не попадает в основной звук.',
      },
      evidence: { en: 'Who listened to which channel, and what they heard', ru: 'Кто слушал какой канал и что услышал' },
    },
    {
      key: 'slides-open',
      due: hourBefore,
      owner: role.technician,
      title: { en: 'Open every deck on the presenting PC', ru: 'Откройте все презентации на компьютере трансляции' },
      details: {
        en: 'Open each deck (and its PDF) on the presenting PC: fonts right, videos play with sound. Keep the USB copy on the control desk. Close mail, messengers and notifications on that PC.',
        ru: 'Откройте каждую презентацию (и её PDF) на компьютере трансляции: шрифты на месте, видео воспроизводится со звуком. Флешка с копией лежит на пульте. Закройте на этом компьютере почту, мессенджеры и уведомления.',
      },
    },
    {
      key: 'name-cards',
      due: hourBefore,
      owner: role.host,
      title: { en: 'Set out the name cards', ru: 'Расставьте таблички с именами' },
      details: {
        en: 'A name card in large letters at every seat, facing the camera. Name the room in the meeting “Agency, city”, so remote participants know who is speaking.',
        ru: 'На каждом месте — табличка с именем крупными буквами, повёрнутая к камере. Назовите зал во встрече «Ведомство, город», чтобы удалённые участники понимали, кто говорит.',
      },
    },
    {
      key: 'test-join',
      due: hourBefore,
      owner: role.cohost,
      title: { en: 'Join as a participant from outside', ru: 'Войдите во встречу как участник извне' },
      details: {
        en: 'Join the meeting from a second device that is not on the room’s network: the passcode and waiting room work, and you can see and hear the room clearly.',
        ru: 'Подключитесь к встрече со второго устройства не через сеть зала: код доступа и зал ожидания работают, зал хорошо видно и слышно.',
      },
    },
    // T-15 min: doors open.
    {
      key: 'open-meeting',
      due: quarterBefore,
      owner: role.host,
      title: { en: 'Open the meeting and confirm the roles', ru: 'Откройте встречу и проверьте роли' },
      details: {
        en: 'Start the meeting from the host account; check the co-host has co-host rights and the interpreters are assigned. Put up the welcome slide with the start time.',
        ru: 'Запустите встречу с учётной записи организатора; убедитесь, что у соведущего есть права соорганизатора, а переводчики назначены. Выведите приветственный слайд со временем начала.',
      },
    },
    {
      key: 'presenters-ready',
      due: quarterBefore,
      owner: role.cohost,
      title: { en: 'Check in every presenter', ru: 'Проверьте готовность каждого докладчика' },
      details: {
        en: 'Every remote presenter has joined, camera and microphone work, one test screen share done. Check you have each presenter’s mobile number in case they drop out.',
        ru: 'Все удалённые докладчики во встрече, камера и микрофон работают, пробная демонстрация экрана прошла. Проверьте, что у вас есть мобильный каждого — на случай, если он отключится.',
      },
    },
    {
      key: 'interpreters-ready',
      due: quarterBefore,
      owner: role.interpreter,
      required: false,
      title: { en: 'Interpreters joined and on their channels', ru: 'Переводчики подключены и в своих каналах' },
      details: {
        en: 'Both interpreters of each pair have joined, are on the right channel with headsets on, and have agreed the hand-over times.',
        ru: 'Оба переводчика каждой пары подключены, находятся в своём канале, в гарнитурах; время смены согласовано.',
      },
    },
    {
      key: 'one-audio-device',
      due: quarterBefore,
      owner: role.technician,
      title: { en: 'Prevent echo: one audio device in the room', ru: 'Без эха: в зале звук только через систему зала' },
      details: {
        en: 'Only the room system uses a microphone and speakers in the meeting. Anyone in the room who joins on a laptop keeps its microphone and sound off. Ask everyone to silence their phones.',
        ru: 'Микрофон и динамики во встрече использует только система зала. Кто подключается в зале со своего ноутбука, выключает на нём микрофон и звук. Попросите всех выключить звук телефонов.',
      },
    },
    {
      key: 'live-monitor',
      due: quarterBefore,
      owner: role.technician,
      title: { en: 'Start the live monitor; keep Plan B at hand', ru: 'Включите мониторинг; план Б под рукой' },
      details: {
        en: 'Start RoomReady’s live monitoring for this event: the link should read good. The charged 4G router is on the desk, the phone list is printed, the Plan B playbooks are ready in RoomReady.',
        ru: 'Запустите в RoomReady мониторинг мероприятия: качество связи — «хорошее». Заряженный 4G-роутер на пульте, список телефонов распечатан, планы Б готовы в RoomReady.',
      },
    },
  ],
};

/** What to do once the event is over: keep what was produced, learn from what went wrong. */
const postEventWrapUp: ChecklistSource = {
  kind: 'checklist',
  id: 'post-event-wrap-up',
  name: { en: 'Post-event wrap-up', ru: 'Завершение после мероприятия' },
  description: {
    en: 'Start it when the event ends: due times count from the end of the event, not its start.',
    ru: 'Запускайте по окончании мероприятия: сроки отсчитываются от его окончания, а не от начала.',
  },
  steps: [
    {
      key: 'stop-recording',
      due: 0,
      owner: role.host,
      title: { en: 'Stop the recording before ending the meeting', ru: 'Остановите запись до завершения встречи' },
      details: {
        en: 'Stop the recording, then end the meeting for all. For a local recording, wait until the file is converted before closing the app or shutting the PC down.',
        ru: 'Остановите запись и только потом завершите встречу для всех. Если запись локальная, дождитесь окончания преобразования файла и лишь затем закрывайте программу или выключайте компьютер.',
      },
    },
    {
      key: 'export-attendance',
      due: 15,
      owner: role.cohost,
      title: { en: 'Export the attendance list', ru: 'Выгрузите список участников' },
      details: {
        en: 'Download the participants report from the platform (names, agencies, join and leave times). Add the people who sat in the room from the sign-in sheet.',
        ru: 'Скачайте с платформы отчёт об участниках (имена, ведомства, время входа и выхода). Добавьте присутствовавших в зале по листу регистрации.',
      },
      evidence: { en: 'Attendance file name', ru: 'Имя файла со списком' },
    },
    {
      key: 'export-chat',
      due: 15,
      owner: role.cohost,
      title: { en: 'Save the chat, questions and poll results', ru: 'Сохраните чат, вопросы и результаты опросов' },
      details: {
        en: 'Save the chat, the Q&A and the poll results. Mark the questions left unanswered and who will answer them in writing.',
        ru: 'Сохраните чат, вопросы и ответы, результаты опросов. Отметьте вопросы, оставшиеся без ответа, и кто ответит на них письменно.',
      },
    },
    {
      key: 'save-recording',
      due: 30,
      owner: role.technician,
      title: { en: 'Save the recording in two places', ru: 'Сохраните запись в двух местах' },
      details: {
        en: 'Play the start, middle and end of the file to check it is complete. Copy it to the agreed storage, open only to those named in the recording notice, and keep a second copy until the first is confirmed.',
        ru: 'Прослушайте начало, середину и конец файла — запись должна быть полной. Скопируйте её в согласованное хранилище с доступом только для тех, кто указан в уведомлении о записи, и храните вторую копию, пока первая не подтверждена.',
      },
      evidence: { en: 'File name, size and length', ru: 'Имя файла, размер и длительность' },
    },
    {
      key: 'log-incidents',
      due: 30,
      owner: role.technician,
      title: { en: 'Log every incident', ru: 'Зафиксируйте все инциденты' },
      details: {
        en: 'For each failure: what happened, when, what you did, how long recovery took and what would prevent it. Add in RoomReady the incidents it did not detect itself.',
        ru: 'По каждому сбою: что случилось, когда, что сделали, сколько заняло восстановление и как его избежать. Инциденты, которые RoomReady не обнаружил сам, добавьте вручную.',
      },
    },
    {
      key: 'quality-report',
      due: 60,
      owner: role.technician,
      title: { en: 'Send the quality report', ru: 'Отправьте отчёт о качестве' },
      details: {
        en: 'Export the RoomReady event report (PDF): time in good, degraded and bad quality, incidents and time to recover. Send it to the organiser and to IT.',
        ru: 'Выгрузите из RoomReady отчёт о мероприятии (PDF): время хорошего, ухудшенного и плохого качества, инциденты и время восстановления. Отправьте его организатору и ИТ-службе.',
      },
      evidence: { en: 'To whom it was sent, and when', ru: 'Кому и когда отправлен' },
    },
    {
      key: 'restore-room',
      due: 60,
      owner: role.technician,
      title: { en: 'Restore the room', ru: 'Приведите зал в исходное состояние' },
      details: {
        en: 'Switch the microphones off and put their batteries on charge. Put cables, cameras and remotes back in their places, open the blinds, return the furniture and switch off the equipment that should not stay on.',
        ru: 'Выключите микрофоны и поставьте батарейки на зарядку. Верните на места кабели, камеры и пульты, откройте жалюзи, расставьте мебель как было и выключите оборудование, которое не должно работать постоянно.',
      },
    },
    {
      key: 'sign-out',
      due: 60,
      owner: role.technician,
      title: { en: 'Sign out and clear the presenting PC', ru: 'Выйдите из учётных записей и очистите компьютер трансляции' },
      details: {
        en: 'Sign out of the meeting platform, e-mail and cloud storage on the room PC. Delete downloaded decks and any files that are not public, and empty the recycle bin.',
        ru: 'Выйдите из платформы видеосвязи, почты и облачного хранилища на компьютере зала. Удалите скачанные презентации и все непубличные файлы, очистите корзину.',
      },
    },
    {
      key: 'feedback-survey',
      due: 120,
      owner: role.host,
      title: { en: 'Send the feedback form', ru: 'Разошлите анкету обратной связи' },
      details: {
        en: 'Send participants and presenters a short form: sound, picture, interpretation, content, what to change. Ask for answers within three working days.',
        ru: 'Отправьте участникам и докладчикам короткую анкету: звук, изображение, перевод, содержание, что изменить. Попросите ответить в течение трёх рабочих дней.',
      },
    },
    {
      key: 'follow-up',
      due: 24 * 60,
      owner: role.host,
      title: { en: 'Thank the presenters and send the follow-up', ru: 'Поблагодарите докладчиков и разошлите итоги' },
      details: {
        en: 'Send presenters a thank-you and, where agreed, the recording link. Send participants the decisions, the slides that may be shared and written answers to open questions.',
        ru: 'Отправьте докладчикам благодарность и, если договаривались, ссылку на запись. Участникам — решения, презентации, которые можно распространять, и письменные ответы на оставшиеся вопросы.',
      },
    },
    {
      key: 'collect-feedback',
      due: 3 * 24 * 60,
      owner: role.host,
      title: { en: 'Collect the feedback and agree the fixes', ru: 'Соберите отзывы и договоритесь об улучшениях' },
      details: {
        en: 'Summarise the answers and the incident log. With the technician, agree what to fix before the next event (equipment, room, playbooks), with an owner and a date for each.',
        ru: 'Сведите вместе ответы и журнал инцидентов. С техником определите, что исправить до следующего мероприятия (оборудование, зал, планы Б), — с ответственным и сроком по каждому пункту.',
      },
      evidence: { en: 'List of fixes with owners and dates', ru: 'Список улучшений с ответственными и сроками' },
    },
  ],
};

/** The built-in checklists. */
export const checklistSources: readonly ChecklistSource[] = [preEventRoomCheck, postEventWrapUp];
