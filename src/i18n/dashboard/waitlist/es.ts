import type { WaitlistMessages } from './en.ts';

export const es: WaitlistMessages = {
  title: 'Lista de espera',
  dayForm: 'Día de la lista de espera',
  date: 'Fecha',
  show: 'Mostrar',
  nobody: 'Nadie espera este día.',
  columns: { client: 'Cliente', times: 'Horas', seats: 'Plazas', status: 'Estado', offered: 'Ofrecida' },
  anyTime: 'cualquier hora',
  statuses: { waiting: 'en espera', booked: 'reservado', left: 'se fue' },
};
