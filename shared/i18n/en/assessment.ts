/** English strings of the assessment section. */
export const assessmentEn = {
  areas: {
    connectivity: 'Connectivity and bandwidth',
    infrastructure: 'Infrastructure and applications',
    delivery: 'Content distribution and delivery',
    collaboration: 'Collaboration impact',
  },
  groups: {
    equipment: 'Ideal equipment',
    space: 'Optimising the event space',
    connectivity: 'Connectivity',
    contingency: 'Contingency and Plan B',
    scalable: 'On-demand scalable infrastructure',
    security: 'Data security and risks',
  },
  priorities: {
    must: 'Must',
    should: 'Should',
    could: 'Could',
  },
  parts: {
    connectivity: {
      mos: 'Call quality: MOS {{mos}} estimated from round trip, jitter and loss; MOS {{zeroAt}} scores 0 and {{fullAt}} scores 100, linear between.',
      upload:
        'Upload {{upload}} Mbps against the {{needed}} Mbps needed to send {{height}}p video with audio (the most demanding event type): measured ÷ needed × 100, at most 100.',
      download:
        'Download {{download}} Mbps against the {{needed}} Mbps needed to receive {{streams}} video streams at {{height}}p with audio (the most demanding event type): measured ÷ needed × 100, at most 100.',
      reachability: 'Conference platform endpoints reachable: {{reachable}} of {{total}}, as a percentage.',
      wiredLink: 'The computer is on a wired link (answered): yes scores 100, no 0.',
      backupLink: 'A backup internet link can take over (answered): yes scores 100, no 0.',
    },
    infrastructure: {
      microphone: 'Microphone check (the best of the room’s microphones): pass scores 100, warning 60, fail 0.',
      camera: 'Camera check (the best of the room’s cameras): pass scores 100, warning 60, fail 0.',
      speaker: 'Speaker check: pass scores 100, warning 60, fail 0.',
      acousticLoop: 'Speaker-to-microphone loop check: pass scores 100, warning 60, fail 0.',
      sfu: 'Test call through the media server: pass scores 100, warning 60, fail 0.',
      upsPower: 'Equipment and network gear on a UPS (answered): yes scores 100, no 0.',
      updatesCurrent: 'Operating system, browser and conferencing apps up to date (answered): yes scores 100, no 0.',
    },
    delivery: {
      receivedHeight:
        'Video received through the media server at {{height}}p against the {{needed}}p the most demanding event type receives: received ÷ needed × 100, at most 100.',
      receivedFps: 'Frame rate received through the media server, {{fps}} fps, against {{fullAt}} fps: fps ÷ {{fullAt}} × 100, at most 100.',
      freezes: 'Video freezes in the test call: {{freezes}}; 100 minus {{pointsPerFreeze}} per freeze, at least 0.',
      cameraHeight: 'Camera picture {{height}}p against the {{needed}}p the most demanding event type asks for: height ÷ needed × 100, at most 100.',
      profilesReady: 'Event types not failed in the preflight verdicts: {{ready}} of {{total}}, as a percentage.',
    },
    collaboration: {
      snr: 'Speech above the room’s noise at the microphone, {{snr}} dB: {{zeroAt}} dB scores 0 and {{fullAt}} dB scores 100, linear between.',
      echo: 'Echo from the speaker into the microphone, {{echo}} dB: {{zeroAt}} dB scores 0 and {{fullAt}} dB scores 100, linear between.',
      seats: 'Seats {{seats}}, people expected on site {{onSite}}: seats ÷ people × 100, at most 100.',
      acousticTreatment: 'Walls, ceiling or furnishings damp echo (answered): yes scores 100, no 0.',
      secondDisplay: 'A second screen shows the remote participants (answered): yes scores 100, no 0.',
      controllableLighting: 'Lighting can be controlled and no window is behind the speaker (answered): yes scores 100, no 0.',
      exposure:
        'Camera exposure: mean brightness {{luma}} scores 100 between {{darkWarn}} and {{brightWarn}}, falling linearly to 0 at {{darkFail}} and {{brightFail}}; backlight ratio {{backlight}} scores 100 up to {{backlightWarn}}, falling to 0 at {{backlightFail}}; the lower of the two.',
    },
  },
  capacity: {
    overSeats: 'More people are expected on site ({{onSite}}) than the room has seats ({{seats}}).',
    seatsFit: 'Seats: {{seats}}; people expected on site: {{onSite}}.',
    seatsUnknown: 'People expected on site: {{onSite}}, but the room’s number of seats is not recorded.',
    noVideoDownload: 'The download of {{download}} Mbps does not carry even one video stream at the lowest quality.',
    downloadShort: 'The download of {{download}} Mbps carries video streams at {{height}}p: {{streams}} of the {{needed}} the most demanding event type receives.',
    downloadFits: 'The download of {{download}} Mbps carries video streams at {{height}}p: up to {{streams}} at once.',
    noVideoUpload: 'The upload of {{upload}} Mbps does not carry even the lowest video quality: the room can send audio only.',
    uploadShort: 'The upload of {{upload}} Mbps sends video at up to {{height}}p; the most demanding event type sends {{needed}}p.',
    uploadFits: 'The upload of {{upload}} Mbps sends video at up to {{height}}p.',
    linkNotMeasured: 'The internet link was not measured: run the network preflight in this room.',
    largeAudience: 'Remote participants expected: {{remote}}, more than the {{limit}} an ordinary meeting licence holds.',
  },
  recommendations: {
    equipment: {
      'camera-missing': 'No camera worked in the preflight: connect a USB camera (a 1080p webcam, or a PTZ camera for a large room) and run the preflight again.',
      'camera-resolution':
        'Get a better camera: the best camera here gives {{height}}p, and the most demanding event type needs {{needed}}p. A 1080p USB webcam, or a PTZ camera for a large room, will do.',
      'microphone-missing': 'No microphone picked up sound: connect a conference microphone (a boundary microphone on the table or a USB speakerphone), check that it is not muted, and run the preflight again.',
      'microphone-quality':
        'Use a boundary microphone on the table, or lapel microphones for the presenters: speech reaches the microphone at {{speech}} dBFS over a noise floor of {{noise}} dBFS ({{snr}} dB apart).',
      'echo-speakerphone':
        'Use a speakerphone or a room audio system with acoustic echo cancellation: {{echo}} dB of the loudspeaker’s sound gets back into the microphone, and remote participants will hear themselves.',
      'speaker-failed': 'No speaker played the test sound: connect room speakers or a speakerphone and check the output device and volume.',
      'speaker-not-heard': 'The microphone did not hear the speaker: turn the room speakers on and up, check the output device, or use a speakerphone that has both.',
    },
    space: {
      dark: 'Add light on the presenters’ faces (a key light or brighter ceiling lights in front of them): the picture’s mean brightness is {{luma}} of 255.',
      bright: 'Reduce the light on the camera’s view (dim the lights, draw the blinds, lower the camera’s exposure): the picture’s mean brightness is {{luma}} of 255.',
      backlight: 'Close the curtains or turn the camera so no window or bright wall is behind the speaker: the background is {{ratio}} times brighter than the faces.',
      sharpness: 'Clean the camera lens, set the focus on where people sit, and add light: the picture’s sharpness is {{sharpness}}.',
      'lighting-control': 'Fit blinds or dimmable lights so the light on the presenters can be set for the camera.',
      noise: 'Make the room quieter before events: close doors and windows, turn off fans, projectors and air conditioning near the microphone (noise floor {{noise}} dBFS).',
      'mic-placement': 'Bring the microphone closer to the speakers (within 1–2 m, pointing at them) or give presenters lapel microphones: speech reaches it at only {{speech}} dBFS.',
      'echo-treatment':
        'Damp the room’s echo with acoustic panels, curtains or carpet, and keep the microphone away from the loudspeakers: {{echo}} dB of their sound reaches the microphone.',
      'acoustic-treatment': 'Add acoustic treatment (panels, curtains, carpet): hard walls and floors make speech echo for remote listeners.',
      seats: 'Choose a larger room or limit the on-site audience: people expected {{onSite}}, seats {{seats}}.',
    },
    connectivity: {
      'wired-link': 'Connect the room’s computer with an Ethernet cable instead of Wi-Fi: a cable gives steadier delay and less loss.',
      'wired-link-confirm': 'Confirm whether the room’s computer is on an Ethernet cable; if it uses Wi-Fi, connect it with a cable.',
      'turn-tls': 'Direct media paths are blocked here: make sure the conferencing service can relay media over TURN on TCP/TLS port 443, and ask IT to allow outbound port 443 to it.',
      qos: 'Ask IT to give conference traffic priority (QoS: DSCP EF for audio, AF41 for video) and to keep large downloads off this link during events: jitter is {{jitter}} ms and loss {{loss}} %.',
      'backup-link': 'Arrange a backup internet link (a second provider or a 4G/5G router) that the room can switch to within a minute.',
      'backup-link-confirm': 'Confirm whether a backup internet link (a second provider or a 4G/5G router) can take over if the main link fails.',
      'upload-short':
        'Send video at {{fallback}}p at most, or ask for more upload bandwidth: the upload is {{upload}} Mbps and sending {{height}}p needs {{needed}} Mbps.',
      'upload-short-audio':
        'Send audio only, or ask for more upload bandwidth: the upload is {{upload}} Mbps, too little for any video, and sending {{height}}p needs {{needed}} Mbps.',
      'platform-blocked': 'Ask IT for a firewall rule that allows the conference platforms this network blocks: {{platforms}}.',
    },
    contingency: {
      link: 'Rehearse the “Internet link down” Plan B: the link showed problems or has no backup.',
      platform: 'Rehearse the “Platform outage” Plan B: some conference platforms are not reachable from this room.',
      audio: 'Rehearse the “Presenter audio lost” Plan B: the microphone check found problems.',
      camera: 'Rehearse the “Camera lost” Plan B: the camera check found problems.',
      power: 'Rehearse the “Power cut” Plan B, and put the computer and network gear on a UPS.',
      'power-confirm': 'Confirm whether the computer and network gear are on a UPS, and rehearse the “Power cut” Plan B.',
      rehearse: 'Rehearse all {{count}} Plan B playbooks in this room before the next event, with the people who will run it.',
      'rehearse-confirm': 'Confirm whether the {{count}} Plan B playbooks have been rehearsed in this room; if not, rehearse them before the next event.',
    },
    scalable: {
      overflow:
        'Book webinar licences or a streaming service for the event: remote participants expected {{remote}}, more than the {{limit}} an ordinary meeting holds; stream to the overflow.',
      'overflow-platform': 'Arrange with the conferencing provider how to add webinar licences or live streaming on demand, for events with a larger audience.',
      'cloud-streaming':
        'Use cloud recording and a streaming service for large sessions rather than this link: the download of {{download}} Mbps carries {{streams}} of the {{needed}} video streams at {{height}}p the most demanding event type receives.',
    },
    security: {
      passcodes: 'Protect every meeting with a passcode, and send it only to invited participants.',
      'passcodes-confirm': 'Confirm that meetings from this room use passcodes.',
      'waiting-room': 'Turn on the waiting room (lobby) and have a host admit participants.',
      'waiting-room-confirm': 'Confirm that meetings from this room use a waiting room (lobby).',
      updates: 'Update the operating system, the browser and the conferencing apps, and keep them updated automatically.',
      'updates-confirm': 'Confirm that the operating system, the browser and the conferencing apps are up to date.',
      'recording-consent': 'Tell participants before recording and get their consent (in the invitation and at the start); do not record without it.',
      'recording-consent-confirm': 'Confirm that participants are told and agree before a meeting is recorded.',
    },
  },
};
