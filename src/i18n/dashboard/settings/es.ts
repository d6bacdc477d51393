import type { SettingsMessages } from './en.ts';

export const es: SettingsMessages = {
  title: 'Ajustes',
  heading: 'Ajustes del negocio',
  saved: 'Los ajustes se han guardado.',
  notSaved: 'Los ajustes no se han guardado',
  save: 'Guardar ajustes',
  labels: {
    name: 'Nombre del negocio',
    timezone: 'Zona horaria',
    currency: 'Moneda',
    locale: 'Idioma predeterminado',
    staffLabel: 'Nombre del equipo',
    ownerEmail: 'Correo del responsable',
    mailFrom: 'Remitente de los correos',
    paymentUrl: 'Dirección de la página de pago',
    paymentSecret: 'Secreto de pago',
    slotStepMinutes: 'Intervalo entre horas, en minutos',
    gapMinutes: 'Margen entre reservas, en minutos',
    minNoticeMinutes: 'Antelación mínima, en minutos',
    horizonDays: 'Plazo máximo de reserva, en días',
    holdMinutes: 'Tiempo de retención, en minutos',
    waitlistOfferMinutes: 'Oferta de la lista de espera, en minutos',
    defaultRescheduleLimit: 'Límite de cambios de hora',
    allowStaffChangeOnReschedule: 'Los clientes pueden elegir otro miembro del equipo al cambiar la hora',
    rescheduleNoticeHours: 'Antelación para cambiar la hora, en horas',
    cancelNoticeHours: 'Antelación para cancelar, en horas',
    reminderHours: 'Recordatorio, en horas antes del inicio',
    retainUnconfirmedDays: 'Conservar los datos del cliente de reservas sin confirmar, en días',
    retainPastDays: 'Conservar los datos del cliente de reservas pasadas, en días',
    noShowLimit: 'Límite de no presentados',
  },
  languages: {
    en: 'English (inglés)',
    fr: 'Français (francés)',
    de: 'Deutsch (alemán)',
    es: 'Español',
    pt: 'Português (portugués)',
  },
  groups: {
    business: 'Negocio',
    emails: 'Correos',
    payment: 'Pago en línea',
    times: 'Horarios de reserva',
    changes: 'Cambios de los clientes',
    noShows: 'No presentados',
    reminders: 'Recordatorios',
    data: 'Datos de los clientes',
  },
  hints: {
    name: 'Aparece en las páginas de reserva y en los correos.',
    timezone:
      'Dónde está el negocio, p. ej. Europe/Madrid. Los horarios del equipo son horas locales de esa zona, salvo que un miembro tenga una propia.',
    currency:
      'Un código de tres letras como EUR, para los servicios sin moneda propia. Sus importes no cambian (120.00 EUR pasa a ser 120.00 USD).',
    locale: 'Para los visitantes cuyo navegador no pide ninguno de los idiomas ofrecidos.',
    staffLabel: 'El título sobre la elección del miembro del equipo en la página de reserva, p. ej. «Elija fotógrafo».',
    ownerEmail: 'Recibe una copia de cada correo de reserva. Déjelo vacío para ninguna.',
    mailFrom:
      'El remitente de los correos enviados, p. ej. «Lumen Studio <bookings@lumen.example>». Déjelo vacío para usar el remitente del servidor.',
    slotStepMinutes: 'Distancia entre las horas de inicio ofrecidas: 30 da 09:00, 09:30, 10:00…',
    gapMinutes: 'Tiempo libre que se deja entre dos reservas de un mismo miembro del equipo.',
    minNoticeMinutes: 'Ninguna reserva empieza antes de este tiempo desde ahora (120 = dos horas).',
    horizonDays: 'Con cuánta antelación pueden reservar los clientes.',
    holdMinutes: 'Cuánto tiempo conserva su hora una reserva que espera a que el cliente confirme su correo o pague.',
    waitlistOfferMinutes:
      'Cuánto tiempo se reserva para el siguiente cliente de la lista de espera una hora liberada que se le ofrece.',
    defaultRescheduleLimit:
      'Cuántas veces se puede cambiar la hora de una reserva, salvo que su servicio diga otra cosa.',
    rescheduleNoticeHours:
      'No se puede cambiar la hora más tarde de este tiempo antes del inicio (0: hasta el inicio).',
    cancelNoticeHours: 'No se puede cancelar más tarde de este tiempo antes del inicio (0: hasta el inicio).',
    noShowLimit:
      'Un cliente con este número de reservas marcadas como no presentado debe pagar en línea la totalidad de su próxima reserva de pago (sin depósito). 0 lo desactiva.',
    reminderHours: 'Los clientes que piden un recordatorio reciben un correo con esta antelación.',
    retainUnconfirmedDays:
      'Las reservas caducadas o nunca confirmadas pierden el nombre, correo, teléfono, dirección y notas del cliente este número de días después de crearse.',
    retainPastDays:
      'Las reservas pasadas pierden los datos del cliente este número de días después de terminar; la reserva se queda para la contabilidad (horas, servicio, equipo, importes). 0 los conserva.',
    paymentUrl:
      'La página de la pasarela de pago a la que se envía a los clientes. Déjela vacía para no cobrar en línea (los clientes reservan entonces sin pagar).',
    secretStored: 'Hay un secreto guardado: deje esto vacío para conservarlo.',
    noSecret: 'No hay ningún secreto guardado.',
    paymentSecret:
      'La clave con la que la pasarela y este sitio firman los pagos, de al menos 16 caracteres. No se vuelve a mostrar.',
    removeSecret:
      'El pago en línea necesitará entonces un secreto nuevo; borre también la dirección de la página de pago.',
  },
  removeSecret: 'Eliminar el secreto guardado',
  noGateway:
    'El límite de no presentados no puede aplicarse: no hay pago en línea (indique abajo la dirección de la página de pago y el secreto), así que no hay nada que pedir al cliente por adelantado.',
  freeServices: (list) => `No puede aplicarse a los servicios gratuitos, que no tienen nada que pagar: ${list}.`,
  problems: {
    required: 'obligatorio',
    'required when paymentUrl is set':
      'necesario cuando hay una dirección de página de pago (la pasarela firma con él)',
    'type a new secret or tick “Remove the stored secret”, not both':
      'escriba un secreto nuevo o marque «Eliminar el secreto guardado», no ambas cosas',
    'at least 16 characters': 'al menos 16 caracteres',
    'must be a whole number, such as 15': 'debe ser un número entero, p. ej. 15',
    'must be an email address, such as name@example.com': 'debe ser una dirección de correo, p. ej. nombre@example.com',
    'must be a web address starting with https://': 'debe ser una dirección web que empiece por https://',
    'not an IANA time zone (e.g. Europe/Paris)': 'no es una zona horaria IANA (p. ej. Europe/Madrid)',
  },
  embed: {
    title: 'Insertar en su sitio web',
    intro: 'Pegue esta etiqueta donde deba aparecer el módulo de reservas. Ponga en',
    introEnd: 'el nombre de dirección de un servicio, o quítelo para mostrar todos los servicios.',
    allowed: 'Sitios que pueden mostrarlo',
    thisSite: (origin) => `${origin} (este sitio)`,
    none: 'Ningún sitio, ni siquiera este',
    noOther: 'Ningún otro sitio puede mostrar aún las páginas de reserva: añada la dirección de su sitio al ajuste',
    noOtherMiddle: 'del servidor (p. ej.',
    noOtherEnd: ') y reinícielo.',
  },
};
