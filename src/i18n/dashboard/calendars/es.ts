import type { CalendarsMessages } from './en.ts';

export const es: CalendarsMessages = {
  title: 'Horas ocupadas de otros calendarios',
  labels: { label: 'Nombre', url: 'Dirección del calendario (URL iCalendar)' },
  intro:
    'Suscríbase a los calendarios que esta persona ya lleva (la dirección secreta de un calendario de Google, un calendario de Outlook publicado, cualquier enlace iCalendar): sus eventos no se pueden reservar.',
  onRefresh: 'Cada uno se obtiene al añadirlo y cuando pulsa «Actualizar ahora».',
  polled: (minutes) => `Cada uno se obtiene al añadirlo y luego cada ${minutes} minutos.`,
  empty: 'No hay calendarios suscritos.',
  caption: 'Calendarios suscritos',
  address: 'Dirección',
  state: 'Estado',
  lastFetched: (when) => `Última obtención: ${when}`,
  never: 'nunca',
  busyTimes: (n) => `, ${n} ${n === 1 ? 'hora ocupada' : 'horas ocupadas'}`,
  lastTryFailed: (error) => `Falló el último intento: ${error}`,
  goodCopyKept: ' (se conserva la última copia buena)',
  refresh: 'Actualizar ahora',
  refreshOne: (label) => `Actualizar ${label} ahora`,
  removeOne: (label) => `Quitar ${label}`,
  addTitle: 'Suscribirse a un calendario',
  labelHint: 'Opcional, p. ej. «Personal».',
  urlHint:
    'https://…; en Google Calendar: Configuración, el calendario, «Dirección secreta en formato iCal». Se guarda en secreto: no se vuelve a mostrar.',
  subscribe: 'Suscribirse',
  refused: 'No se ha añadido el calendario',
  done: {
    added: 'El calendario está suscrito y obtenido: sus horas ocupadas ya no se pueden reservar.',
    refreshed: 'Se ha vuelto a obtener el calendario.',
    failed: 'No se ha podido obtener el calendario: vea su estado abajo.',
    removed: 'Se ha quitado el calendario: sus horas ocupadas vuelven a poder reservarse.',
  },
};
