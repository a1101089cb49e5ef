import { role, type Bilingual, type PlaybookSource, type StepSource } from './bilingual';

// Due times count from the moment a playbook is opened: 1 = within the first minute.
const firstMinute = 1;

const opened: Bilingual = {
  en: 'Due times count from the moment this playbook is opened; the first-minute steps come first.',
  ru: 'Сроки отсчитываются от момента, когда открыт этот план; сначала — шаги первой минуты.',
};

const describedAs = (en: string, ru: string): Bilingual => ({ en: `${en} ${opened.en}`, ru: `${ru} ${opened.ru}` });

const logIncident = (details: Bilingual): StepSource => ({
  key: 'log',
  owner: role.technician,
  title: { en: 'Log the incident in RoomReady', ru: 'Зафиксируйте инцидент в RoomReady' },
  details,
});

const linkDown: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-link-down',
  name: { en: 'Internet link down or degraded', ru: 'Связь пропала или ухудшилась' },
  description: describedAs('Keep the meeting going from outside the room, bring the room back over the backup 4G link, and repair the wired link at a break.', 'Встречу ведёт соведущий извне, зал возвращается через резервный канал 4G, а кабельный канал чинят в перерыве.'),
  trigger: {
    en: 'The room drops out of the meeting, or its sound breaks up and its video freezes; RoomReady reports the link lost or high loss, delay or jitter.',
    ru: 'Зал выпадает из встречи либо его звук прерывается, а видео застывает; RoomReady сообщает о потере связи или о высоких потерях, задержке или джиттере.',
  },
  severity: 'critical',
  script: {
    en: 'Dear colleagues, the meeting room has lost its connection for a moment. Please stay in the meeting: we are switching to a backup connection and will be back in a few minutes. In the meantime, let us continue with the next speaker.',
    ru: 'Уважаемые коллеги, у зала на минуту пропала связь. Пожалуйста, не выходите из встречи: мы переключаемся на резервный канал и вернёмся через несколько минут. А пока продолжим со следующим выступающим.',
  },
  contacts: [role.cohost, role.itDuty, role.provider],
  triggers: ['link-lost', 'rtt-high', 'loss-high', 'jitter-high', 'mos-low'],
  steps: [
    {
      key: 'cohost-takes-over',
      due: firstMinute,
      owner: role.cohost,
      title: { en: 'Take over the meeting and speak to the participants', ru: 'Возьмите встречу на себя и обратитесь к участникам' },
      details: {
        en: 'Read the script. Give the floor to a speaker who is not in the room, or call a short pause.',
        ru: 'Прочитайте текст для участников. Дайте слово выступающему не из зала или объявите короткую паузу.',
      },
    },
    {
      key: 'video-off',
      due: firstMinute,
      owner: role.technician,
      title: { en: 'Room still connected: stop the video, keep the sound', ru: 'Зал ещё на связи: выключите видео, оставьте звук' },
      details: {
        en: 'Turn off the room camera and incoming video (or choose audio only), stop sharing from the room and let the co-host show the slides. Sound needs about 100 kbps; video needs ten times more.',
        ru: 'Выключите камеру зала и входящее видео (или режим «только звук»), остановите демонстрацию из зала — слайды покажет соведущий. Звуку нужно около 100 кбит/с, видео — в десять раз больше.',
      },
    },
    {
      key: 'dial-in',
      due: 2,
      owner: role.host,
      title: { en: 'Room dropped out: dial in by phone', ru: 'Зал выпал: подключитесь по телефону' },
      details: {
        en: 'Call the meeting’s dial-in number from a mobile on speaker, or join from the phone app over mobile data, so the room is heard while the PC reconnects. Turn the room speakers down to avoid echo.',
        ru: 'Позвоните на номер телефонного подключения к встрече с мобильного на громкой связи или войдите из приложения в телефоне через мобильный интернет, чтобы зал было слышно, пока компьютер переподключается. Убавьте динамики зала, чтобы не было эха.',
      },
    },
    {
      key: 'switch-4g',
      due: 3,
      owner: role.technician,
      title: { en: 'Switch the presenting PC to the backup 4G link', ru: 'Переключите компьютер трансляции на резервный канал 4G' },
      details: {
        en: 'Turn on the 4G router (or the phone hotspot) and connect the PC to it. If the cable is the problem, unplug it so the PC does not flip back.',
        ru: 'Включите 4G-роутер (или раздачу с телефона) и подключите к нему компьютер. Если проблема в кабеле, выньте его, чтобы компьютер не переключался обратно.',
      },
    },
    {
      key: 'rejoin',
      due: 5,
      owner: role.host,
      title: { en: 'Rejoin and take the host role back', ru: 'Вернитесь во встречу и заберите роль организатора' },
      details: {
        en: 'Rejoin with the same link and the host account (or the host key). Check sound and picture with the co-host before taking the floor; hang up the phone line.',
        ru: 'Войдите по той же ссылке с учётной записью организатора (или по ключу организатора). Проверьте звук и картинку с соведущим, прежде чем брать слово; положите трубку телефонного подключения.',
      },
    },
    {
      key: 'find-cause',
      due: 10,
      owner: role.it,
      title: { en: 'Find the cause', ru: 'Найдите причину' },
      details: {
        en: 'Check the cable, the wall socket, the switch and the router lights. Call the IT duty officer and, if the whole building is offline, the provider; note the ticket number.',
        ru: 'Проверьте кабель, розетку, коммутатор и индикаторы роутера. Позвоните дежурному ИТ-службы, а если без связи всё здание — провайдеру; запишите номер заявки.',
      },
    },
    {
      key: 'back-to-wired',
      owner: role.technician,
      title: { en: 'Go back to the wired link only at a break', ru: 'Возвращайтесь на кабель только в перерыве' },
      details: {
        en: 'Run a quick RoomReady network test on the cable first. Switching in the middle of a session causes a second drop.',
        ru: 'Сначала проведите быстрый тест сети RoomReady по кабелю. Переключение посреди сессии — это ещё один обрыв.',
      },
    },
    logIncident({
      en: 'When the link failed, when the room was back, what worked and what did not.',
      ru: 'Когда пропала связь, когда зал вернулся, что сработало и что нет.',
    }),
  ],
};

const platformOutage: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-platform-outage',
  name: { en: 'Meeting platform outage', ru: 'Сбой платформы видеосвязи' },
  description: describedAs('Move everyone to the backup meeting prepared the day before, within ten minutes.', 'В течение десяти минут перевести всех в резервную встречу, подготовленную накануне.'),
  trigger: {
    en: 'Everyone drops out at once or nobody can join, while other websites still open; the platform’s status page reports an incident.',
    ru: 'Все участники одновременно выпадают или никто не может войти, хотя другие сайты открываются; на странице статуса платформы — сообщение о сбое.',
  },
  severity: 'critical',
  script: {
    en: 'Dear colleagues, the meeting platform has a technical failure on its side. Please join our backup meeting: the link and passcode are in the e-mail and the messenger group we have just sent. We will restart at [time] with agenda item [number]. Thank you for your patience.',
    ru: 'Уважаемые коллеги, на стороне платформы видеосвязи произошёл технический сбой. Пожалуйста, перейдите в резервную встречу: ссылку и код доступа мы только что отправили по электронной почте и в группу в мессенджере. Продолжим в [время] с пункта [номер] повестки. Спасибо за терпение.',
  },
  contacts: [role.cohost, role.platformSupport, role.itDuty, role.leadInterpreter],
  triggers: [],
  steps: [
    {
      key: 'confirm-outage',
      due: firstMinute,
      owner: role.technician,
      title: { en: 'Confirm it is the platform, not the room', ru: 'Убедитесь, что сбой у платформы, а не в зале' },
      details: {
        en: 'Other websites open? The co-host dropped out too? The platform’s status page shows an incident? If only the room is cut off, use the “Internet link down” playbook instead.',
        ru: 'Другие сайты открываются? Соведущий тоже выпал? На странице статуса платформы есть сообщение о сбое? Если без связи только зал, откройте план «Связь пропала или ухудшилась».',
      },
    },
    {
      key: 'try-rejoin',
      due: 2,
      owner: role.host,
      title: { en: 'Try to rejoin once, from the app and from the browser', ru: 'Попробуйте один раз войти снова — из приложения и из браузера' },
      details: {
        en: 'If it has not worked within 2 minutes, move on. Do not keep waiting.',
        ru: 'Если за 2 минуты не получилось, переходите к следующему шагу. Не ждите.',
      },
    },
    {
      key: 'send-backup-link',
      due: 3,
      owner: role.cohost,
      title: { en: 'Send everyone the backup meeting link', ru: 'Разошлите всем ссылку на резервную встречу' },
      details: {
        en: 'Send the prepared message (link, passcode, restart time) by e-mail and to the messenger group. Call the presenters and interpreters directly.',
        ru: 'Отправьте заготовленное сообщение (ссылка, код доступа, время продолжения) по электронной почте и в группу в мессенджере. Докладчикам и переводчикам позвоните лично.',
      },
    },
    {
      key: 'open-backup',
      due: 5,
      owner: role.host,
      title: { en: 'Open the backup meeting', ru: 'Откройте резервную встречу' },
      details: {
        en: 'Passcode and waiting room on; give the co-host their rights; set up the interpretation channels again.',
        ru: 'Код доступа и зал ожидания включены; дайте соведущему права соорганизатора; заново настройте каналы перевода.',
      },
    },
    { key: 'restart-recording', due: 10, owner: role.cohost, title: { en: 'Start the recording in the backup meeting', ru: 'Включите запись в резервной встрече' } },
    {
      key: 'resume',
      due: 10,
      owner: role.host,
      title: { en: 'Resume where you stopped', ru: 'Продолжите с того места, где остановились' },
      details: {
        en: 'Read the script, sum up the last point in one sentence and continue. Cut the programme if needed, not the breaks.',
        ru: 'Прочитайте текст для участников, одной фразой напомните последний пункт и продолжайте. Если нужно, сокращайте программу, а не перерывы.',
      },
    },
    {
      key: 'report-platform',
      owner: role.it,
      title: { en: 'Report to the platform’s support', ru: 'Сообщите в поддержку платформы' },
      details: { en: 'Note the support ticket number and the times of the outage.', ru: 'Запишите номер обращения и время сбоя.' },
    },
    logIncident({
      en: 'When the platform failed, when the backup meeting started, how many participants made it there.',
      ru: 'Когда отказала платформа, когда началась резервная встреча, сколько участников в неё перешло.',
    }),
  ],
};

const presenterAudioLost: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-presenter-audio-lost',
  name: { en: 'Presenter audio lost', ru: 'Пропал звук докладчика' },
  description: describedAs('Find the cause in the order it most often is: mute, battery, wrong device, connection.', 'Ищите причину в порядке частоты: выключен микрофон, батарейки, не то устройство, связь.'),
  trigger: {
    en: 'The presenter is speaking but nobody hears them, or participants write “no sound” in the chat; RoomReady reports the microphone silent.',
    ru: 'Докладчик говорит, но его не слышно, или участники пишут в чат «нет звука»; RoomReady сообщает, что микрофон молчит.',
  },
  severity: 'high',
  script: {
    en: 'Excuse me, [name], we cannot hear you at the moment. Please stay where you are; we are fixing the sound. Colleagues, one moment, please.',
    ru: 'Простите, [имя], сейчас вас не слышно. Пожалуйста, оставайтесь на месте — мы налаживаем звук. Коллеги, одну минуту, пожалуйста.',
  },
  contacts: [role.technician, role.cohost],
  triggers: ['mic-silent'],
  steps: [
    {
      key: 'tell-presenter',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Tell the presenter, by a sign or in the chat', ru: 'Сообщите докладчику жестом или в чате' },
      details: {
        en: 'In the room, show the “No sound” card. A remote presenter: write in the chat, and call their mobile if they do not react.',
        ru: 'В зале покажите табличку «Нет звука». Удалённому докладчику напишите в чат, а если не реагирует — позвоните на мобильный.',
      },
    },
    {
      key: 'check-mute',
      due: firstMinute,
      owner: role.technician,
      title: { en: 'Check mute: in the meeting and on the microphone', ru: 'Проверьте, не выключен ли звук — во встрече и на микрофоне' },
      details: {
        en: 'Is the room muted in the meeting? Is the mute switch on the microphone or the mixer on? Does the wireless receiver show a signal?',
        ru: 'Не выключен ли микрофон зала во встрече? Не нажата ли кнопка отключения на микрофоне или на микшере? Есть ли сигнал на приёмнике радиомикрофона?',
      },
    },
    {
      key: 'swap-battery',
      due: 2,
      owner: role.technician,
      title: { en: 'Wireless microphone: swap the batteries or hand over the spare', ru: 'Радиомикрофон: замените батарейки или дайте запасной' },
    },
    {
      key: 'select-input',
      due: 3,
      owner: role.technician,
      title: { en: 'Select the right microphone in the meeting’s audio settings', ru: 'Выберите нужный микрофон в настройках звука встречи' },
      details: {
        en: 'The selected device changes when something is unplugged. Pick the room microphone again, or the laptop’s built-in microphone as a stopgap.',
        ru: 'Когда что-то отключают, выбранное устройство меняется. Снова выберите микрофон зала или, временно, встроенный микрофон ноутбука.',
      },
    },
    {
      key: 'remote-rejoin-audio',
      due: 3,
      owner: role.cohost,
      title: { en: 'Remote presenter: reconnect the audio or dial in by phone', ru: 'Удалённый докладчик: переподключите звук или войдите по телефону' },
      details: {
        en: 'Ask them to leave and rejoin the computer audio. If that fails, they dial in by phone and keep sharing slides from the computer.',
        ru: 'Попросите выйти из звука компьютера и подключиться заново. Если не помогло — пусть позвонит на номер встречи по телефону, а слайды продолжает показывать с компьютера.',
      },
    },
    {
      key: 'bridge',
      due: 3,
      owner: role.host,
      title: { en: 'Keep the session moving', ru: 'Не давайте сессии остановиться' },
      details: {
        en: 'While it is fixed, the moderator sums up the slide on screen or takes a question from the chat. Not fixed in 5 minutes: move to the next presenter and come back later.',
        ru: 'Пока идёт починка, модератор пересказывает слайд на экране или берёт вопрос из чата. Не удалось за 5 минут — переходите к следующему докладчику и вернитесь позже.',
      },
    },
    {
      key: 'confirm-sound',
      due: 5,
      owner: role.cohost,
      title: { en: 'Confirm with a participant that the sound is back, then hand back', ru: 'Убедитесь у участника, что звук вернулся, и верните слово' },
    },
    logIncident({ en: 'The cause: mute, battery, wrong device, cable or connection.', ru: 'Причина: выключенный микрофон, батарейки, не то устройство, кабель или связь.' }),
  ],
};

const cameraLost: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-camera-lost',
  name: { en: 'Camera lost or frozen', ru: 'Пропала или зависла камера' },
  description: describedAs('Sound and slides carry the meeting; bring the picture back without stopping.', 'Встреча держится на звуке и слайдах; картинку возвращаем, не останавливаясь.'),
  trigger: {
    en: 'The room or presenter video goes black, shows only a name, or freezes while the sound goes on; RoomReady reports the camera lost or frozen.',
    ru: 'Видео зала или докладчика становится чёрным, вместо него видно только имя, или изображение застывает, а звук продолжается; RoomReady сообщает, что камера пропала или зависла.',
  },
  severity: 'medium',
  script: {
    en: 'Colleagues, our camera has stopped for a moment. You can still hear us and see the slides, so we will carry on; the picture will be back shortly.',
    ru: 'Коллеги, у нас ненадолго пропало изображение с камеры. Звук и слайды работают, поэтому продолжаем; картинка скоро вернётся.',
  },
  contacts: [role.technician, role.itDuty],
  triggers: ['camera-lost', 'camera-frozen'],
  steps: [
    {
      key: 'keep-going',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Do not stop: go on with sound and slides', ru: 'Не останавливайтесь: продолжайте со звуком и слайдами' },
      details: { en: 'Say the script in one sentence; the presenter carries on.', ru: 'Скажите текст для участников одной фразой; докладчик продолжает.' },
    },
    {
      key: 'restart-video',
      due: firstMinute,
      owner: role.technician,
      title: { en: 'Stop and start the video in the meeting', ru: 'Выключите и снова включите видео во встрече' },
      details: { en: 'A frozen picture: stop the video, wait 3 seconds, start it again.', ru: 'Картинка застыла: выключите видео, подождите 3 секунды, включите снова.' },
    },
    {
      key: 'check-cable',
      due: 2,
      owner: role.technician,
      title: { en: 'Check the camera’s cable and power', ru: 'Проверьте кабель и питание камеры' },
      details: {
        en: 'Reseat the USB cable, if possible in a port on the PC itself rather than a hub; check the camera’s power light.',
        ru: 'Переподключите USB-кабель — по возможности в разъём самого компьютера, а не концентратора; проверьте индикатор питания камеры.',
      },
    },
    {
      key: 'reselect-camera',
      due: 3,
      owner: role.technician,
      title: { en: 'Select the camera again in the meeting’s video settings', ru: 'Снова выберите камеру в настройках видео встречи' },
      details: { en: 'Close any other app that may hold the camera.', ru: 'Закройте другие программы, которые могут занимать камеру.' },
    },
    {
      key: 'fallback-camera',
      due: 5,
      owner: role.technician,
      title: { en: 'Switch to the laptop webcam or the spare camera', ru: 'Переключитесь на камеру ноутбука или запасную камеру' },
      details: { en: 'Point it at the speaker: a small picture is better than none.', ru: 'Направьте её на выступающего: маленькая картинка лучше, чем никакой.' },
    },
    {
      key: 'retest-at-break',
      owner: role.technician,
      title: { en: 'At the next break, run the RoomReady camera test', ru: 'В ближайший перерыв проведите проверку камеры в RoomReady' },
      details: { en: 'If it drops again, replace the cable or the camera.', ru: 'Если камера снова отключится, замените кабель или саму камеру.' },
    },
    logIncident({ en: 'Lost or frozen, the cause, and what brought the picture back.', ru: 'Пропала или зависла, причина и что вернуло картинку.' }),
  ],
};

const screenShareFails: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-screen-share-fails',
  name: { en: 'Screen share fails', ru: 'Не работает демонстрация экрана' },
  description: describedAs('The presenter keeps talking while the slides come up from the backup copy on the presenting PC.', 'Докладчик продолжает говорить, а слайды выводятся с резервной копии на компьютере трансляции.'),
  trigger: {
    en: 'The presenter cannot start sharing, participants see a black screen or the wrong window, or the slides do not move.',
    ru: 'Докладчик не может начать демонстрацию, участники видят чёрный экран или не то окно, либо слайды не перелистываются.',
  },
  severity: 'high',
  script: {
    en: 'Thank you for your patience, colleagues; the slides are coming up. [Name], please go on, we will show your slides from here.',
    ru: 'Коллеги, спасибо за терпение — слайды сейчас появятся. [Имя], пожалуйста, продолжайте: ваши слайды покажем мы.',
  },
  contacts: [role.technician, role.cohost],
  triggers: [],
  steps: [
    {
      key: 'presenter-continues',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Ask the presenter to keep talking', ru: 'Попросите докладчика продолжать' },
    },
    {
      key: 'share-backup-deck',
      due: firstMinute,
      owner: role.technician,
      title: { en: 'Share the presenter’s deck from the presenting PC', ru: 'Покажите презентацию докладчика с компьютера трансляции' },
      details: {
        en: 'Open the backup copy (the PDF if the deck misbehaves) and share it; the presenter says “next slide”.',
        ru: 'Откройте резервную копию (PDF, если презентация капризничает) и начните демонстрацию; докладчик говорит «следующий слайд».',
      },
    },
    {
      key: 'check-permission',
      due: 2,
      owner: role.cohost,
      title: { en: 'Check the sharing permission', ru: 'Проверьте разрешение на демонстрацию' },
      details: {
        en: 'A remote presenter must share: allow participants to share or make them co-host. On macOS the app needs the “Screen recording” permission, and then a restart.',
        ru: 'Если показывать должен удалённый докладчик: разрешите демонстрацию участникам или сделайте его соорганизатором. В macOS программе нужно разрешение «Запись экрана», после чего её нужно перезапустить.',
      },
    },
    {
      key: 'share-window',
      due: 3,
      owner: role.technician,
      title: { en: 'Share one window, not the whole screen', ru: 'Показывайте одно окно, а не весь экран' },
      details: {
        en: 'A black screen often comes from sharing a whole second display. Share the presentation window, or set the slide show to run in a window.',
        ru: 'Чёрный экран часто бывает при показе целого второго монитора. Показывайте окно презентации или переключите показ слайдов в режим окна.',
      },
    },
    {
      key: 'send-pdf',
      due: 5,
      owner: role.cohost,
      title: { en: 'Last resort: post the PDF in the chat', ru: 'В крайнем случае отправьте PDF в чат' },
      details: {
        en: 'Participants open it and follow the slide numbers the presenter calls out.',
        ru: 'Участники открывают файл и листают по номерам слайдов, которые называет докладчик.',
      },
    },
    {
      key: 'video-sound',
      owner: role.technician,
      required: false,
      title: { en: 'For a video: share with computer sound on', ru: 'Для видео: демонстрация со звуком компьютера' },
      details: {
        en: 'Or play the video from the presenting PC instead of the presenter’s link.',
        ru: 'Или запустите ролик с компьютера трансляции, а не через связь докладчика.',
      },
    },
    logIncident({ en: 'What failed (permission, black screen, frozen slides) and what worked.', ru: 'Что отказало (разрешение, чёрный экран, застывшие слайды) и что помогло.' }),
  ],
};

const powerCut: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-power-cut',
  name: { en: 'Power cut', ru: 'Отключение электричества' },
  description: describedAs('People first; the co-host keeps the meeting; the room returns on a laptop over 4G.', 'Сначала люди; встречу держит соведущий; зал возвращается с ноутбука через 4G.'),
  trigger: {
    en: 'The lights and the room equipment go off; only what is on the UPS or on battery keeps running.',
    ru: 'Гаснет свет и выключается оборудование зала; работает только то, что подключено к ИБП или питается от батареи.',
  },
  severity: 'critical',
  script: {
    en: 'Dear colleagues, there is a power cut in our building. Please stay in the meeting. [Co-host] will continue while we move to backup power, and we will be back as soon as we can.',
    ru: 'Уважаемые коллеги, в нашем здании отключилось электричество. Пожалуйста, оставайтесь во встрече. Пока мы переходим на резервное питание, встречу продолжит [соведущий]; мы вернёмся, как только сможем.',
  },
  contacts: [role.cohost, role.facilities, role.itDuty],
  triggers: [],
  steps: [
    {
      key: 'people-safe',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Keep people calm and safe', ru: 'Сохраняйте спокойствие, позаботьтесь о людях' },
      details: {
        en: 'Ask everyone to stay seated. If the alarm sounds or the emergency lights come on, follow the building’s evacuation rules: the meeting can wait.',
        ru: 'Попросите всех оставаться на местах. Если звучит сигнал тревоги или включилось аварийное освещение, действуйте по правилам эвакуации здания — встреча подождёт.',
      },
    },
    {
      key: 'cohost-informed',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Message or call the co-host to take over', ru: 'Напишите или позвоните соведущему, чтобы он взял встречу на себя' },
      details: { en: 'From a mobile: “Power cut, take over, read the script.”', ru: 'С мобильного: «Отключили свет, веди встречу, прочитай текст для участников».' },
    },
    {
      key: 'laptop-4g',
      due: 3,
      owner: role.technician,
      title: { en: 'Bring the room back on a laptop over 4G', ru: 'Верните зал с ноутбука через 4G' },
      details: {
        en: 'If the PC and router are on the UPS and still online, stay as you are. Otherwise use a charged laptop with the 4G router or a phone hotspot, with a headset, joining under the room’s name.',
        ru: 'Если компьютер и роутер на ИБП и связь есть, ничего не меняйте. Иначе подключитесь с заряженного ноутбука через 4G-роутер или раздачу с телефона, с гарнитурой, под именем зала.',
      },
    },
    {
      key: 'dial-in',
      due: 3,
      owner: role.host,
      title: { en: 'If the chair must speak now, dial in by phone', ru: 'Если председателю нужно говорить сейчас — подключитесь по телефону' },
    },
    {
      key: 'call-facilities',
      due: 5,
      owner: role.host,
      title: { en: 'Call facilities: how long will it last?', ru: 'Позвоните в службу эксплуатации: сколько продлится отключение?' },
    },
    {
      key: 'decide',
      due: 10,
      owner: role.host,
      title: { en: 'Decide with the chair: go on, move, or pause', ru: 'Решите с председателем: продолжать, переехать или прерваться' },
      details: {
        en: 'Under 15 minutes: go on from the laptop. Longer: move to a room with power, or announce a break and the restart time.',
        ru: 'Меньше 15 минут — продолжайте с ноутбука. Дольше — переходите в зал с электричеством или объявите перерыв и время продолжения.',
      },
    },
    {
      key: 'check-recording',
      owner: role.cohost,
      title: { en: 'Restart the recording', ru: 'Перезапустите запись' },
      details: {
        en: 'A local recording on a PC that lost power is probably lost: start recording again from the co-host’s side.',
        ru: 'Локальная запись на компьютере, который остался без питания, скорее всего потеряна: включите запись заново у соведущего.',
      },
    },
    {
      key: 'power-back',
      owner: role.technician,
      title: { en: 'Power back: wait for the network, check, return at a break', ru: 'Питание восстановлено: дождитесь сети, проверьте, вернитесь в перерыве' },
      details: {
        en: 'Routers and switches take 2–5 minutes to start. Run a quick RoomReady preflight, then move back to the room system at the next break.',
        ru: 'Роутерам и коммутаторам нужно 2–5 минут, чтобы запуститься. Проведите быструю проверку RoomReady и вернитесь на систему зала в ближайший перерыв.',
      },
    },
    logIncident({ en: 'How long the power was off and how long the room was out of the meeting.', ru: 'Сколько не было электричества и сколько зал отсутствовал во встрече.' }),
  ],
};

const interpretationFails: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-interpretation-fails',
  name: { en: 'Interpretation channel fails', ru: 'Не работает канал перевода' },
  description: describedAs('Pause the speaker, restore the channel, and fall back to consecutive interpretation if it will not come back.', 'Остановить докладчика, восстановить канал, а если не получается — перейти на последовательный перевод.'),
  trigger: {
    en: 'Participants on a language channel hear silence, the original speech or a broken voice; an interpreter reports they cannot hear the room or cannot be heard.',
    ru: 'Участники в языковом канале слышат тишину, оригинальную речь или прерывистый голос; переводчик сообщает, что не слышит зал или его не слышно.',
  },
  severity: 'high',
  script: {
    en: 'Dear colleagues, we have a technical problem with the interpretation. Please bear with us for a moment: the speaker will pause while we fix it.',
    ru: 'Уважаемые коллеги, у нас технические неполадки с переводом. Просим немного подождать: выступающий сделает паузу, пока мы их устраняем.',
  },
  contacts: [role.leadInterpreter, role.cohost, role.technician, role.platformSupport],
  triggers: [],
  steps: [
    {
      key: 'pause-speaker',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Ask the speaker to pause', ru: 'Попросите выступающего сделать паузу' },
      details: { en: 'Read the script in both languages.', ru: 'Прочитайте текст для участников на обоих языках.' },
    },
    {
      key: 'reach-interpreter',
      due: firstMinute,
      owner: role.cohost,
      title: { en: 'Reach the interpreter: chat first, then phone', ru: 'Свяжитесь с переводчиком: сначала чат, затем телефон' },
      details: {
        en: 'Find out which it is: they cannot hear the room, they cannot be heard, or they dropped out.',
        ru: 'Выясните, в чём дело: переводчик не слышит зал, его не слышно или он выпал из встречи.',
      },
    },
    {
      key: 'reassign',
      due: 3,
      owner: role.cohost,
      title: { en: 'Check the interpreter is assigned to the right channel', ru: 'Проверьте, что переводчик назначен в нужный канал' },
      details: {
        en: 'An interpreter who rejoined has lost the role: assign them again. On some platforms you must stop and restart interpretation for it to take effect.',
        ru: 'Переводчик, который переподключился, теряет свою роль: назначьте его снова. На некоторых платформах для этого нужно остановить и снова запустить перевод.',
      },
    },
    {
      key: 'partner-takes-over',
      due: 3,
      owner: role.interpreter,
      title: { en: 'The booth partner takes over', ru: 'Работу продолжает напарник' },
      details: {
        en: 'If one interpreter’s connection is the problem, the partner carries on in the channel from their own connection.',
        ru: 'Если дело в связи одного переводчика, напарник продолжает перевод в канале со своего подключения.',
      },
    },
    {
      key: 'consecutive',
      due: 5,
      owner: role.host,
      title: { en: 'Still broken: switch to consecutive interpretation', ru: 'Не помогло: переходите на последовательный перевод' },
      details: {
        en: 'The interpreter speaks in the main audio (by phone if needed); the speaker pauses every two or three sentences for the interpretation.',
        ru: 'Переводчик говорит в основном звуке (при необходимости — по телефону); выступающий делает паузу каждые две-три фразы для перевода.',
      },
    },
    {
      key: 'back-to-simultaneous',
      owner: role.host,
      title: { en: 'Go back to simultaneous at the next break', ru: 'Возвращайтесь к синхронному переводу в ближайший перерыв' },
      details: {
        en: 'Only after a test with a listener on each channel.',
        ru: 'Только после проверки, когда на каждом канале кто-то послушал перевод.',
      },
    },
    logIncident({ en: 'Which channel, what failed and how long the audience was without interpretation.', ru: 'Какой канал, что отказало и сколько времени участники были без перевода.' }),
  ],
};

const intruders: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-intruders',
  name: { en: 'Meeting disrupted by intruders', ru: 'Посторонние срывают встречу' },
  description: describedAs('Stop what they show and say, lock the door, remove them, then report. Stay calm: they want a reaction.', 'Остановить то, что они показывают и говорят, закрыть вход, удалить, затем сообщить. Сохраняйте спокойствие: им нужна реакция.'),
  trigger: {
    en: 'Unknown participants share offensive pictures, shout, play noise or flood the chat.',
    ru: 'Неизвестные участники показывают оскорбительные изображения, кричат, включают шум или засыпают чат сообщениями.',
  },
  severity: 'critical',
  script: {
    en: 'Dear colleagues, we apologise for the interruption. The uninvited participants have been removed and the meeting is now secured. We will continue in one minute.',
    ru: 'Уважаемые коллеги, приносим извинения за помеху. Посторонние участники удалены, встреча защищена. Продолжим через минуту.',
  },
  contacts: [role.cohost, role.itSecurity, role.chair],
  triggers: [],
  steps: [
    {
      key: 'suspend-all',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Stop everything at once, if the platform can', ru: 'Остановите всё сразу, если платформа это позволяет' },
      details: {
        en: 'In Zoom: Security → Suspend participant activities. It stops all video, sound and sharing and locks the meeting. Elsewhere, do the next steps quickly.',
        ru: 'В Zoom: «Безопасность» → «Приостановить действия участников» — это останавливает всё видео, звук и демонстрацию и блокирует встречу. На других платформах быстро выполните следующие шаги.',
      },
    },
    {
      key: 'lock-meeting',
      due: firstMinute,
      owner: role.host,
      title: { en: 'Lock the meeting', ru: 'Заблокируйте встречу' },
      details: { en: 'Nobody else can join; keep the waiting room on.', ru: 'Больше никто не сможет войти; зал ожидания оставьте включённым.' },
    },
    {
      key: 'remove-intruders',
      due: firstMinute,
      owner: role.cohost,
      title: { en: 'Remove the intruders', ru: 'Удалите посторонних' },
      details: {
        en: 'Participants → the name → Remove, and do not allow them to rejoin. If it takes a second, screenshot the participant list first.',
        ru: '«Участники» → имя → «Удалить»; повторный вход им не разрешайте. Если это секундное дело, сначала сделайте снимок списка участников.',
      },
    },
    {
      key: 'mute-all',
      due: 2,
      owner: role.cohost,
      title: { en: 'Mute all and stop participants unmuting themselves', ru: 'Выключите всем микрофоны и запретите включать их самостоятельно' },
    },
    {
      key: 'disable-share',
      due: 2,
      owner: role.host,
      title: { en: 'Turn off screen sharing for participants', ru: 'Запретите участникам демонстрацию экрана' },
      details: {
        en: 'Sharing for the host only. If the chat is being flooded, limit it to the host too.',
        ru: 'Демонстрация — только для организатора. Если чат засыпают сообщениями, ограничьте и его организатором.',
      },
    },
    {
      key: 'resume',
      due: 3,
      owner: role.host,
      title: { en: 'Read the script and carry on', ru: 'Прочитайте текст для участников и продолжайте' },
      details: {
        en: 'Turn back on only what is needed: let genuine speakers unmute one by one.',
        ru: 'Включайте обратно только необходимое: разрешайте приглашённым выступающим включать микрофон по одному.',
      },
    },
    {
      key: 'report',
      due: 30,
      owner: role.host,
      title: { en: 'Report to information security', ru: 'Сообщите в службу информационной безопасности' },
      details: {
        en: 'The names the intruders used, the times, the screenshots, and how the link may have leaked. For the next sessions: a new link and passcode, sent only to the invitation list.',
        ru: 'Имена, под которыми вошли посторонние, время, снимки экрана и как могла утечь ссылка. Для следующих сессий — новая ссылка и код доступа, только по списку приглашённых.',
      },
      evidence: { en: 'Screenshots and the participant list', ru: 'Снимки экрана и список участников' },
    },
    {
      key: 'edit-recording',
      owner: role.cohost,
      title: { en: 'Mark the disruption in the recording; cut it out before sharing', ru: 'Отметьте помеху в записи и вырежьте её перед публикацией' },
    },
  ],
};

const recordingFails: PlaybookSource = {
  kind: 'playbook',
  id: 'plan-b-recording-fails',
  name: { en: 'Recording fails', ru: 'Сбой записи' },
  description: describedAs('Restart the recording at once, note the gap, and cover it with a second recorder and the minutes. Tell participants only if the gap matters to them.', 'Сразу перезапустить запись, отметить пропуск, подстраховаться второй записью и протоколом. Участникам сообщайте, только если пропуск для них важен.'),
  trigger: {
    en: 'The recording indicator is off or shows an error, the disk is full, or cloud recording is not available.',
    ru: 'Индикатор записи не горит или показывает ошибку, диск заполнен или облачная запись недоступна.',
  },
  severity: 'medium',
  script: {
    en: 'A short note, colleagues: our recording stopped for a few minutes. It is running again, and the minutes will cover the missing part.',
    ru: 'Коллеги, небольшое уведомление: запись на несколько минут прервалась. Она снова идёт, а пропущенную часть мы восполним в протоколе.',
  },
  contacts: [role.cohost, role.technician],
  triggers: [],
  steps: [
    { key: 'restart-recording', due: firstMinute, owner: role.cohost, title: { en: 'Start the recording again', ru: 'Снова включите запись' } },
    {
      key: 'note-gap',
      due: firstMinute,
      owner: role.secretary,
      title: { en: 'Write down when the recording stopped and restarted', ru: 'Запишите, когда запись остановилась и когда возобновилась' },
    },
    {
      key: 'switch-mode',
      due: 3,
      owner: role.technician,
      title: { en: 'It will not start: switch between cloud and local', ru: 'Не включается: переключитесь между облачной и локальной записью' },
      details: {
        en: 'Cloud refused: record locally on the host’s PC (allow about 1 GB per hour). Local refused because the disk is full: free some space or switch to the cloud.',
        ru: 'Облако не записывает — пишите локально на компьютер организатора (из расчёта около 1 ГБ в час). Локальная запись не идёт из-за заполненного диска — освободите место или переключитесь на облако.',
      },
    },
    {
      key: 'second-recorder',
      due: 5,
      owner: role.cohost,
      title: { en: 'Start a backup recording on a second device', ru: 'Включите резервную запись на втором устройстве' },
      details: {
        en: 'The co-host records locally, or a screen recorder on another PC records the meeting window with sound. It is covered by the same recording notice.',
        ru: 'Соведущий пишет локально, или программа записи экрана на другом компьютере записывает окно встречи со звуком. На неё распространяется то же уведомление о записи.',
      },
    },
    {
      key: 'cover-gap',
      owner: role.secretary,
      title: { en: 'Cover the gap in the minutes', ru: 'Восполните пропуск в протоколе' },
    },
    {
      key: 'check-files',
      owner: role.technician,
      title: { en: 'After the event: check that every part plays, and keep them in order', ru: 'После мероприятия: проверьте, что все части воспроизводятся, и сохраните их по порядку' },
    },
    logIncident({ en: 'What failed, the length of the gap, and which recording covers it.', ru: 'Что отказало, длительность пропуска и какой записью он закрыт.' }),
  ],
};

/** The built-in Plan B playbooks. */
export const playbookSources: readonly PlaybookSource[] = [
  linkDown,
  platformOutage,
  presenterAudioLost,
  cameraLost,
  screenShareFails,
  powerCut,
  interpretationFails,
  intruders,
  recordingFails,
];
