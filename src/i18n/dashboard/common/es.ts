import type { CommonMessages } from './en.ts';

export const es: CommonMessages = {
  intlLocale: 'es-ES',
  lang: 'es',
  skipToContent: 'Ir al contenido',
  pageTitle: (page, business) => `${page} — panel de ${business}`,
  navLabel: 'Panel',
  nav: {
    calendar: 'Calendario',
    bookings: 'Reservas',
    reports: 'Informes',
    services: 'Servicios',
    resources: 'Recursos',
    staff: 'Equipo',
    mySchedule: 'Mi horario',
    settings: 'Ajustes',
    webhooks: 'Webhooks',
    account: 'Cuenta',
  },
  apiKey: 'Clave de API',
  signOut: 'Cerrar sesión',
  language: {
    title: 'Idioma del panel',
    label: 'Idioma',
    browser: 'El de mi navegador',
    hint: 'El panel le habla en este idioma; los clientes reciben las páginas y los correos en el suyo.',
    save: 'Guardar idioma',
    saved: 'Se ha guardado el idioma de su panel.',
  },
  shared: {
    notFound: 'No encontrado',
    notAllowed: 'No permitido',
    notPossible: 'No es posible',
    noSuchPage: 'Esa página no existe, o no tiene acceso a ella.',
    askAdmin: (message) => `${message} Pídaselo a un administrador si hace falta un cambio aquí.`,
    backToCalendar: 'Volver al calendario',
  },
};
