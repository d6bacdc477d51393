import type { ReportsMessages } from './en.ts';

export const pt: ReportsMessages = {
  title: 'Relatórios',
  fields: { from: 'De', to: 'Até (inclusive)', staff: 'Membro da equipa' },
  checkRange: 'Verifique o período',
  rangeLabel: 'Período do relatório',
  everyone: 'Todos',
  show: 'Mostrar',
  download: 'Descarregar CSV',
  range: (from, to) => `De ${from} a ${to}`,
  totals: {
    bookings: 'Marcações',
    noShows: 'Faltas',
    cancellations: 'Cancelamentos',
    paid: 'Receita (paga)',
    due: 'Por receber',
    utilisation: 'Ocupação',
  },
  explain: (zone) =>
    `Datas e semanas em ${zone}; a semana começa à segunda-feira. Uma marcação conta na semana em que começa; as faltas também são marcações. A receita é o que foi pago e o que os cancelamentos retiveram. A ocupação é o tempo marcado sobre o tempo de trabalho (horário semanal, horários por data, folgas e bloqueios).`,
  otherCurrencies: (list) => ` Serviços com preço noutras moedas: ${list}.`,
  otherPaid: (amount) => `${amount} pagos`,
  charts: {
    bookings: 'Marcações por semana',
    revenue: (currency) => `Receita por semana (${currency})`,
    utilisation: 'Ocupação por semana (%)',
    staff: 'Por membro da equipa',
  },
  columns: {
    weekOf: 'Semana de',
    bookings: 'Marcações',
    noShows: 'Faltas',
    cancellations: 'Cancelamentos',
    paid: 'Pago',
    due: 'Por receber',
    utilisation: 'Ocupação (%)',
    bookedHours: 'Horas marcadas',
    workingHours: 'Horas de trabalho',
    staff: 'Membro da equipa',
    paidIn: (currency) => `Pago (${currency})`,
  },
  chartLabel: (title) => `${title}: gráfico; a tabela ao lado dá os números`,
};
