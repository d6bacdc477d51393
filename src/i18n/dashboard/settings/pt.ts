import type { SettingsMessages } from './en.ts';

export const pt: SettingsMessages = {
  title: 'Definições',
  heading: 'Definições do negócio',
  saved: 'As definições foram guardadas.',
  notSaved: 'As definições não foram guardadas',
  save: 'Guardar definições',
  labels: {
    name: 'Nome do negócio',
    timezone: 'Fuso horário',
    currency: 'Moeda',
    locale: 'Idioma predefinido',
    staffLabel: 'Designação da equipa',
    ownerEmail: 'E-mail do responsável',
    mailFrom: 'Remetente dos e-mails',
    paymentUrl: 'Endereço da página de pagamento',
    paymentSecret: 'Segredo de pagamento',
    slotStepMinutes: 'Intervalo entre horários, em minutos',
    gapMinutes: 'Pausa entre marcações, em minutos',
    minNoticeMinutes: 'Antecedência mínima, em minutos',
    horizonDays: 'Prazo máximo de marcação, em dias',
    holdMinutes: 'Tempo de reserva provisória, em minutos',
    waitlistOfferMinutes: 'Oferta da lista de espera, em minutos',
    defaultRescheduleLimit: 'Limite de alterações de horário',
    allowStaffChangeOnReschedule: 'Os clientes podem escolher outro membro da equipa ao mudar a marcação',
    rescheduleNoticeHours: 'Antecedência para mudar, em horas',
    cancelNoticeHours: 'Antecedência para cancelar, em horas',
    reminderHours: 'Lembrete, em horas antes do início',
    retainUnconfirmedDays: 'Guardar os dados do cliente de marcações não confirmadas, em dias',
    retainPastDays: 'Guardar os dados do cliente de marcações passadas, em dias',
    noShowLimit: 'Limite de faltas',
  },
  languages: {
    en: 'English (inglês)',
    fr: 'Français (francês)',
    de: 'Deutsch (alemão)',
    es: 'Español (espanhol)',
    pt: 'Português',
  },
  groups: {
    business: 'Negócio',
    emails: 'E-mails',
    payment: 'Pagamento online',
    times: 'Horários de marcação',
    changes: 'Alterações pelos clientes',
    noShows: 'Faltas',
    reminders: 'Lembretes',
    data: 'Dados dos clientes',
  },
  hints: {
    name: 'Apresentado nas páginas de marcação e nos e-mails.',
    timezone:
      'Onde fica o negócio, p. ex. Europe/Lisbon. Os horários da equipa são horas locais desse fuso, salvo se um membro tiver um próprio.',
    currency:
      'Um código de três letras como EUR, para os serviços sem moeda própria. Os montantes mantêm-se (120.00 EUR passa a 120.00 USD).',
    locale: 'Para os visitantes cujo navegador não pede nenhum dos idiomas disponíveis.',
    staffLabel: 'O título por cima da escolha do membro da equipa na página de marcação, p. ex. «Escolha o fotógrafo».',
    ownerEmail: 'Recebe uma cópia de cada e-mail de marcação. Deixe vazio para nenhuma.',
    mailFrom:
      'O remetente dos e-mails enviados, p. ex. «Lumen Studio <bookings@lumen.example>». Deixe vazio para usar o remetente do servidor.',
    slotStepMinutes: 'Distância entre as horas de início disponibilizadas: 30 dá 09:00, 09:30, 10:00…',
    gapMinutes: 'Tempo livre deixado entre duas marcações do mesmo membro da equipa.',
    minNoticeMinutes: 'Nenhuma marcação começa antes deste tempo a partir de agora (120 = duas horas).',
    horizonDays: 'Com quanta antecedência os clientes podem marcar.',
    holdMinutes:
      'Quanto tempo uma marcação que aguarda a confirmação do e-mail ou o pagamento do cliente mantém o seu horário.',
    waitlistOfferMinutes:
      'Durante quanto tempo um horário libertado, oferecido ao cliente seguinte da lista de espera, fica reservado para ele.',
    defaultRescheduleLimit: 'Quantas vezes uma marcação pode ser mudada, salvo indicação do seu serviço.',
    rescheduleNoticeHours: 'Não é possível mudar uma marcação depois deste tempo antes do início (0: até ao início).',
    cancelNoticeHours: 'Não é possível cancelar depois deste tempo antes do início (0: até ao início).',
    noShowLimit:
      'Um cliente com este número de marcações assinaladas como falta tem de pagar online a totalidade da sua próxima marcação paga (sem sinal). 0 desativa a regra.',
    reminderHours: 'Os clientes que pedem um lembrete recebem um e-mail com esta antecedência.',
    retainUnconfirmedDays:
      'As marcações expiradas ou nunca confirmadas perdem o nome, e-mail, telefone, morada e notas do cliente este número de dias depois de feitas.',
    retainPastDays:
      'As marcações passadas perdem os dados do cliente este número de dias depois de terminarem; a marcação fica para a contabilidade (horários, serviço, equipa, montantes). 0 guarda-os.',
    paymentUrl:
      'A página do serviço de pagamentos para onde os clientes são enviados. Deixe vazio para não receber pagamentos online (os clientes marcam então sem pagar).',
    secretStored: 'Há um segredo guardado: deixe vazio para o manter.',
    noSecret: 'Não há nenhum segredo guardado.',
    paymentSecret:
      'A chave com que o serviço de pagamentos e este site assinam os pagamentos, com pelo menos 16 caracteres. Nunca volta a ser mostrada.',
    removeSecret:
      'O pagamento online passa a precisar de um novo segredo; apague também o endereço da página de pagamento.',
  },
  removeSecret: 'Remover o segredo guardado',
  noGateway:
    'O limite de faltas não se pode aplicar: não há pagamento online (indique abaixo o endereço da página de pagamento e o segredo), por isso não há nada a pedir ao cliente antecipadamente.',
  freeServices: (list) => `Não se aplica aos serviços gratuitos, que não têm nada a pagar: ${list}.`,
  problems: {
    required: 'obrigatório',
    'required when paymentUrl is set':
      'necessário quando há um endereço de página de pagamento (o serviço de pagamentos assina com ele)',
    'type a new secret or tick “Remove the stored secret”, not both':
      'escreva um novo segredo ou assinale «Remover o segredo guardado», não ambos',
    'at least 16 characters': 'pelo menos 16 caracteres',
    'must be a whole number, such as 15': 'tem de ser um número inteiro, p. ex. 15',
    'must be an email address, such as name@example.com': 'tem de ser um endereço de e-mail, p. ex. nome@example.com',
    'must be a web address starting with https://': 'tem de ser um endereço web que comece por https://',
    'not an IANA time zone (e.g. Europe/Paris)': 'não é um fuso horário IANA (p. ex. Europe/Lisbon)',
  },
  embed: {
    title: 'Incorporar no seu site',
    intro: 'Cole esta etiqueta onde o módulo de marcações deve aparecer. Defina',
    introEnd: 'com o nome de endereço de um serviço, ou retire-o para mostrar todos os serviços.',
    allowed: 'Sites autorizados a mostrá-lo',
    thisSite: (origin) => `${origin} (este site)`,
    none: 'Nenhum site, nem sequer este',
    noOther:
      'Nenhum outro site pode ainda mostrar as páginas de marcação: acrescente o endereço do seu site à definição',
    noOtherMiddle: 'do servidor (p. ex.',
    noOtherEnd: ') e reinicie-o.',
  },
};
