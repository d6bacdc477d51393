import type { CalendarsMessages } from './en.ts';

export const pt: CalendarsMessages = {
  title: 'Horas ocupadas de outros calendários',
  labels: { label: 'Nome', url: 'Endereço do calendário (URL iCalendar)' },
  intro:
    'Subscreva os calendários que esta pessoa já mantém (o endereço secreto de um calendário Google, um calendário Outlook publicado, qualquer ligação iCalendar): os seus eventos não ficam disponíveis para marcação.',
  onRefresh: 'Cada um é obtido ao ser adicionado e quando carrega em «Atualizar agora».',
  polled: (minutes) => `Cada um é obtido ao ser adicionado e depois a cada ${minutes} minutos.`,
  empty: 'Não há calendários subscritos.',
  caption: 'Calendários subscritos',
  address: 'Endereço',
  state: 'Estado',
  lastFetched: (when) => `Última obtenção: ${when}`,
  never: 'nunca',
  busyTimes: (n) => `, ${n} ${n === 1 ? 'hora ocupada' : 'horas ocupadas'}`,
  lastTryFailed: (error) => `A última tentativa falhou: ${error}`,
  goodCopyKept: ' (a última cópia válida é mantida)',
  refresh: 'Atualizar agora',
  refreshOne: (label) => `Atualizar ${label} agora`,
  removeOne: (label) => `Remover ${label}`,
  addTitle: 'Subscrever um calendário',
  labelHint: 'Opcional, p. ex. «Pessoal».',
  urlHint:
    'https://…; no Google Calendar: Definições, o calendário, «Endereço secreto no formato iCal». Fica secreto: não volta a ser mostrado.',
  subscribe: 'Subscrever',
  refused: 'O calendário não foi adicionado',
  done: {
    added: 'O calendário está subscrito e obtido: as suas horas ocupadas deixam de estar disponíveis para marcação.',
    refreshed: 'O calendário foi obtido novamente.',
    failed: 'Não foi possível obter o calendário: veja o seu estado abaixo.',
    removed: 'O calendário foi removido: as suas horas ocupadas voltam a estar disponíveis para marcação.',
  },
};
