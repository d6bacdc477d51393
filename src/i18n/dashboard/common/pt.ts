import type { CommonMessages } from './en.ts';

export const pt: CommonMessages = {
  intlLocale: 'pt-PT',
  lang: 'pt',
  skipToContent: 'Saltar para o conteúdo',
  pageTitle: (page, business) => `${page} — painel de ${business}`,
  navLabel: 'Painel',
  nav: {
    calendar: 'Calendário',
    bookings: 'Marcações',
    reports: 'Relatórios',
    services: 'Serviços',
    resources: 'Recursos',
    staff: 'Equipa',
    mySchedule: 'O meu horário',
    settings: 'Definições',
    webhooks: 'Webhooks',
    account: 'Conta',
  },
  apiKey: 'Chave de API',
  signOut: 'Terminar sessão',
  language: {
    title: 'Idioma do painel',
    label: 'Idioma',
    browser: 'O do meu navegador',
    hint: 'O painel fala consigo neste idioma; os clientes recebem as páginas e os e-mails no deles.',
    save: 'Guardar idioma',
    saved: 'O idioma do seu painel foi guardado.',
  },
  shared: {
    notFound: 'Não encontrado',
    notAllowed: 'Não permitido',
    notPossible: 'Não é possível',
    noSuchPage: 'Essa página não existe, ou não tem acesso a ela.',
    askAdmin: (message) => `${message} Peça a um administrador se for preciso alterar algo aqui.`,
    backToCalendar: 'Voltar ao calendário',
  },
};
