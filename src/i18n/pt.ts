/**
 * European Portuguese email wording (the demo studio is in Lisbon). Same shape as the English
 * reference catalogue. The polite third person without "você" ("A sua marcação…", "Introduza…"),
 * as Portuguese businesses write; "marcação" for a booking and "reserva" nowhere, "e-mail" and
 * "telemóvel"/"telefone" as in Portugal, not Brazil; only 1 is singular.
 */
import type { Messages } from './en.ts';

export const pt: Messages = {
  intlLocale: 'pt-PT',
  greeting: (name) => `Olá, ${name},`,
  greetingNoName: 'Olá,',
  labels: {
    service: 'Serviço',
    staff: 'Com',
    when: 'Data e hora',
    reference: 'Referência',
    price: 'Preço',
    free: 'Gratuito',
    paid: 'Pago',
    notes: 'Notas',
    reason: 'Motivo',
    client: 'Cliente',
    email: 'E-mail',
    phone: 'Telefone',
    yes: 'Sim',
    no: 'Não',
    refund: 'Regra de cancelamento',
    refundDue: 'A reembolsar',
    amountKept: 'Retido',
  },
  refundKinds: {
    full: 'Reembolso total',
    deposit_kept: 'Sinal retido',
    none: 'Sem reembolso',
    none_online: 'Sem cancelamento online',
  },
  booking: {
    client: {
      subject: {
        confirmed: (a) => `Marcação confirmada: ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Marcação alterada: ${a.service}, agora ${a.when} (${a.reference})`,
        cancelled: (a) => `Marcação cancelada: ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Lembrete: ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `A sua marcação em ${a.business} está confirmada.`,
        rescheduled: (a) => `A sua marcação em ${a.business} foi alterada.`,
        cancelled: (a) => `A sua marcação em ${a.business} foi cancelada.`,
        reminder: (a) => `Lembramos a sua próxima marcação em ${a.business}.`,
      },
    },
    team: {
      subject: {
        confirmed: (a) => `Nova marcação: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Marcação alterada: ${a.client}, ${a.service}, agora ${a.when} (${a.reference})`,
        cancelled: (a) => `Marcação cancelada: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Lembrete: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `${a.client} marcou ${a.service} com ${a.staff}.`,
        rescheduled: (a) => `A marcação de ${a.client} para ${a.service} foi alterada.`,
        cancelled: (a) => `A marcação de ${a.client} para ${a.service} foi cancelada.`,
        reminder: (a) => `${a.client} vem para ${a.service} com ${a.staff}.`,
      },
    },
    movedTime: (from, to) => `Data e hora: ${from} → ${to}`,
    movedStaff: (from, to) => `Profissional: ${from} → ${to}`,
    reschedule: (left) => `Alterar a marcação (${left === 1 ? 'resta 1 alteração' : `restam ${left} alterações`})`,
    cancel: 'Cancelar a marcação',
    calendarAttached: 'Segue em anexo o ficheiro de calendário: abra-o para adicionar a marcação ao seu calendário.',
    calendarRemove: 'Abra o ficheiro de calendário em anexo para retirar a marcação do seu calendário.',
    seriesLead: (n) => `Uma série de ${n} marcações, cada uma com o seu evento no calendário:`,
  },
  verification: {
    subject: (code, business) => `${code} é o seu código para ${business}`,
    intro: 'Introduza este código para confirmar o seu endereço de e-mail e a sua marcação:',
    valid: (minutes) => `O código é válido durante ${minutes === 1 ? '1 minuto' : `${minutes} minutos`}.`,
    enterCode: 'Introduzir o código',
    ignore: 'Se não pediu este código, ignore este e-mail.',
  },
  unappliedPayment: {
    subject: (amount, reference) => `Pagamento não aplicado: ${amount} para ${reference}`,
    intro:
      'O prestador de pagamentos comunicou um pagamento que não pôde ser aplicado a esta marcação. O dinheiro foi cobrado: reembolse-o ou combine a marcação com o cliente.',
    amount: 'Montante',
    transaction: 'Transação',
    reasons: {
      amount_mismatch: 'O montante não é o montante devido.',
      hold_expired: 'Chegou depois de terminar o tempo reservado para a marcação.',
      booking_cancelled: 'A marcação tinha sido cancelada.',
      already_paid: 'A marcação já estava paga.',
      not_awaiting_payment: 'A marcação não estava à espera de pagamento.',
    },
    open: 'Abrir a marcação no painel',
  },
  manageLink: {
    subject: (reference, business) => `A sua marcação ${reference} em ${business}`,
    intro:
      'Eis a ligação para a sua marcação. Abra-a para ver se o pagamento chegou, para pagar de novo se não foi concluído ou para alterar a marcação.',
    open: 'Abrir a minha marcação',
    ignore: 'Se não fez esta marcação, ignore este e-mail.',
  },
  waitlist: {
    offerSubject: (service, when) => `Há um horário livre para si: ${service}, ${when}`,
    offerIntro: (business) => `Ficou livre um horário que esperava em ${business}. Está reservado para si, por agora.`,
    offerUntil: (until) => `Fica reservado para si até ${until}. Depois passa para a pessoa seguinte na lista.`,
    accept: 'Aceitar ou recusar este horário',
    joinedSubject: (business) => `Está na lista de espera de ${business}`,
    joinedIntro: (date) =>
      `Está na lista de espera para ${date}. Quando ficar livre um horário adequado, enviamos-lhe um e-mail.`,
    leave: 'Sair da lista de espera',
  },
  myBookings: {
    subject: (business) => `As suas marcações em ${business}`,
    intro: (business) => `Pediu uma ligação para as suas marcações em ${business}.`,
    open: 'Ver as minhas marcações',
    valid: (minutes) => `A ligação funciona uma só vez, durante ${minutes === 1 ? '1 minuto' : `${minutes} minutos`}.`,
    ignore: 'Se não a pediu, ignore este e-mail: ninguém pode ver as suas marcações sem esta ligação.',
  },
  calendar: {
    summary: (service, staff) => `${service} com ${staff}`,
    reference: (reference) => `Referência ${reference}.`,
    manage: (url) => `Alterar ou cancelar: ${url}`,
  },
};
