import type { WaitlistMessages } from './en.ts';

export const pt: WaitlistMessages = {
  title: 'Lista de espera',
  dayForm: 'Dia da lista de espera',
  date: 'Data',
  show: 'Mostrar',
  nobody: 'Ninguém está à espera neste dia.',
  columns: { client: 'Cliente', times: 'Horários', seats: 'Lugares', status: 'Estado', offered: 'Oferecido' },
  anyTime: 'a qualquer hora',
  statuses: { waiting: 'em espera', booked: 'marcado', left: 'saiu' },
};
