import type { ReportsMessages } from './en.ts';

export const es: ReportsMessages = {
  title: 'Informes',
  fields: { from: 'Desde', to: 'Hasta (incluido)', staff: 'Miembro del equipo' },
  checkRange: 'Revise el periodo',
  rangeLabel: 'Periodo del informe',
  everyone: 'Todos',
  show: 'Mostrar',
  download: 'Descargar CSV',
  range: (from, to) => `Del ${from} al ${to}`,
  totals: {
    bookings: 'Reservas',
    noShows: 'No presentados',
    cancellations: 'Cancelaciones',
    paid: 'Ingresos (cobrados)',
    due: 'Pendiente',
    utilisation: 'Ocupación',
  },
  explain: (zone) =>
    `Fechas y semanas en ${zone}; la semana empieza el lunes. Una reserva cuenta en la semana en que empieza; los no presentados también son reservas. Los ingresos son lo cobrado y lo que retuvieron las cancelaciones. La ocupación es el tiempo reservado sobre el tiempo de trabajo (horario semanal, horarios por fecha, días libres y bloqueos).`,
  otherCurrencies: (list) => ` Servicios con precio en otras monedas: ${list}.`,
  otherPaid: (amount) => `${amount} cobrados`,
  charts: {
    bookings: 'Reservas por semana',
    revenue: (currency) => `Ingresos por semana (${currency})`,
    utilisation: 'Ocupación por semana (%)',
    staff: 'Por miembro del equipo',
  },
  columns: {
    weekOf: 'Semana del',
    bookings: 'Reservas',
    noShows: 'No presentados',
    cancellations: 'Cancelaciones',
    paid: 'Cobrado',
    due: 'Pendiente',
    utilisation: 'Ocupación (%)',
    bookedHours: 'Horas reservadas',
    workingHours: 'Horas de trabajo',
    staff: 'Miembro del equipo',
    paidIn: (currency) => `Cobrado (${currency})`,
  },
  chartLabel: (title) => `${title}: gráfico; la tabla de al lado da las cifras`,
};
