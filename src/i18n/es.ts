/**
 * Spanish (Spain) email wording (usted). Same shape as the English reference catalogue; the
 * salutation ends in a colon, as Spanish letters do ("Hola, Ana:").
 */
import type { Messages } from './en.ts';

export const es: Messages = {
  intlLocale: 'es-ES',
  greeting: (name) => `Hola, ${name}:`,
  greetingNoName: 'Hola:',
  labels: {
    service: 'Servicio',
    staff: 'Con',
    when: 'Fecha y hora',
    reference: 'Referencia',
    price: 'Precio',
    free: 'Gratis',
    paid: 'Pagado',
    notes: 'Notas',
    reason: 'Motivo',
    client: 'Cliente',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    yes: 'Sí',
    no: 'No',
    refund: 'Regla de cancelación',
    refundDue: 'A reembolsar',
    amountKept: 'Retenido',
  },
  refundKinds: {
    full: 'Reembolso completo',
    deposit_kept: 'Anticipo retenido',
    none: 'Sin reembolso',
    none_online: 'Sin cancelación en línea',
  },
  booking: {
    client: {
      subject: {
        confirmed: (a) => `Reserva confirmada: ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Reserva modificada: ${a.service}, ahora ${a.when} (${a.reference})`,
        cancelled: (a) => `Reserva cancelada: ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Recordatorio: ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `Su reserva en ${a.business} está confirmada.`,
        rescheduled: (a) => `Su reserva en ${a.business} se ha modificado.`,
        cancelled: (a) => `Su reserva en ${a.business} se ha cancelado.`,
        reminder: (a) => `Le recordamos su próxima reserva en ${a.business}.`,
      },
    },
    team: {
      subject: {
        confirmed: (a) => `Nueva reserva: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        rescheduled: (a) => `Reserva modificada: ${a.client}, ${a.service}, ahora ${a.when} (${a.reference})`,
        cancelled: (a) => `Reserva cancelada: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
        reminder: (a) => `Recordatorio: ${a.client}, ${a.service}, ${a.when} (${a.reference})`,
      },
      intro: {
        confirmed: (a) => `${a.client} ha reservado ${a.service} con ${a.staff}.`,
        rescheduled: (a) => `La reserva de ${a.client} para ${a.service} se ha modificado.`,
        cancelled: (a) => `La reserva de ${a.client} para ${a.service} se ha cancelado.`,
        reminder: (a) => `${a.client} tiene cita para ${a.service} con ${a.staff}.`,
      },
    },
    movedTime: (from, to) => `Fecha y hora: ${from} → ${to}`,
    movedStaff: (from, to) => `Profesional: ${from} → ${to}`,
    reschedule: (left) => `Cambiar la reserva (${left === 1 ? 'queda 1 cambio' : `quedan ${left} cambios`})`,
    cancel: 'Cancelar la reserva',
    seriesLead: (n: number) => `Una serie de ${n} citas, cada una con su evento de calendario:`,
    calendarAttached: 'Se adjunta el archivo de calendario: ábralo para añadir la reserva a su calendario.',
    calendarRemove: 'Abra el archivo de calendario adjunto para eliminar la reserva de su calendario.',
  },
  verification: {
    subject: (code, business) => `${code} es su código para ${business}`,
    intro: 'Introduzca este código para confirmar su dirección de correo electrónico y su reserva:',
    valid: (minutes) => `El código es válido durante ${minutes === 1 ? '1 minuto' : `${minutes} minutos`}.`,
    enterCode: 'Introducir el código',
    ignore: 'Si no ha solicitado este código, puede ignorar este correo.',
  },
  unappliedPayment: {
    subject: (amount, reference) => `Pago no aplicado: ${amount} para ${reference}`,
    intro:
      'El proveedor de pagos ha notificado un pago que no se ha podido aplicar a esta reserva. El dinero se ha cobrado: reembólselo o acuerde la reserva con el cliente.',
    amount: 'Importe',
    transaction: 'Transacción',
    reasons: {
      amount_mismatch: 'El importe no es el importe debido.',
      hold_expired: 'Llegó después de que terminara el tiempo reservado.',
      booking_cancelled: 'La reserva había sido cancelada.',
      already_paid: 'La reserva ya estaba pagada.',
      not_awaiting_payment: 'La reserva no estaba esperando un pago.',
    },
    open: 'Abrir la reserva en el panel',
  },
  manageLink: {
    subject: (reference, business) => `Su reserva ${reference} en ${business}`,
    intro:
      'Este es el enlace a su reserva. Ábralo para ver si su pago ha llegado, para pagar de nuevo si no se completó o para cambiar su reserva.',
    open: 'Abrir mi reserva',
    ignore: 'Si no ha hecho esta reserva, ignore este correo.',
  },
  waitlist: {
    offerSubject: (service, when) => `Hay una hora libre para usted: ${service}, ${when}`,
    offerIntro: (business) => `Se ha liberado una hora que esperaba en ${business}. Se la reservamos por ahora.`,
    offerUntil: (until) => `Se la reservamos hasta ${until}. Después pasa a la siguiente persona en espera.`,
    accept: 'Aceptar o rechazar esta hora',
    joinedSubject: (business) => `Está en la lista de espera de ${business}`,
    joinedIntro: (date) =>
      `Está en la lista de espera para el ${date}. Cuando se libere una hora adecuada, le escribiremos.`,
    leave: 'Salir de la lista de espera',
  },
  myBookings: {
    subject: (business) => `Sus reservas en ${business}`,
    intro: (business) => `Ha solicitado un enlace a sus reservas en ${business}.`,
    open: 'Ver mis reservas',
    valid: (minutes) =>
      `El enlace funciona una sola vez, durante ${minutes === 1 ? '1 minuto' : `${minutes} minutos`}.`,
    ignore: 'Si no lo ha solicitado, ignore este correo: nadie puede ver sus reservas sin este enlace.',
  },
  calendar: {
    summary: (service, staff) => `${service} con ${staff}`,
    reference: (reference) => `Referencia ${reference}.`,
    manage: (url) => `Cambiar o cancelar: ${url}`,
  },
};
