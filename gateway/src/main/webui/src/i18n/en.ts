import type zh from './zh-CN'

const en: typeof zh = {
  app: { title: 'Duban', subtitle: 'Key task supervision', logout: 'Sign out', language: '中文', loading: 'Loading…', retry: 'Reload', noAccess: 'Your account has no Duban role; ask the supervising office.' },
  roles: { admin: 'Office', unit: 'Unit', viewer: 'Viewer', integrator: 'Integrator' },
  nav: { plans: 'Plans', import: 'Import', board: 'Board', queue: 'Queue', reminders: 'Reminders', myTasks: 'Task list', inbox: 'Inbox' },
  status: { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', SUBMITTED: 'Submitted', COMPLETED: 'Completed' },
  role: { LEAD: 'Lead', RESPONSIBLE: 'Responsible' },
  colour: { red: 'Overdue', yellow: 'Due soon or returned', green: 'On track' },
  common: {
    search: 'Search', reset: 'Reset', all: 'All', total: '{n} in all', actions: 'Actions', view: 'Open', cancel: 'Cancel', confirm: 'OK',
    save: 'Save', saved: 'Saved', yes: 'Yes', no: 'No', none: 'Nothing here', due: 'Due', unit: 'Unit', task: 'Task',
    number: 'No.', status: 'Status', progress: 'Progress', updated: 'Updated', note: 'Note', overdueOnly: 'Overdue only', stale: 'Someone else changed this meanwhile; it was read again, please check and send again.',
    failed: 'Not done: {detail}', plan: 'Plan', category: 'Category', requirement: 'Task', responsibility: 'Responsibility',
  },
  plans: {
    title: 'Plans', documentNumber: 'Document no.', issuer: 'Issuer', issuedOn: 'Issued', board: 'Board', tasks: 'Tasks', ledger: 'Ledger (xlsx)',
    empty: 'No plan imported yet.', import: 'Import a plan',
  },
  import: {
    title: 'Import a plan', drop: 'Drop the plan document here, or {click}', click: 'choose a file', hint: '.docx, .xlsx or .txt, at most 10 MB. You see what will be stored before anything is.',
    preview: 'Preview', categories: 'Categories', tasks: 'Tasks', assignments: 'Assignments', reviewNeeded: 'To review', unresolved: 'Unresolved',
    taken: 'Document {number} is already imported.', commit: 'Import', committed: 'Imported {title}: {tasks} tasks, {assignments} assignments.', toBoard: 'Open the board',
    again: 'Choose another file', group: 'To name: {group}', deadlineOngoing: 'Ongoing', reviewHint: 'The office names the units for these after the import, in the queue.',
  },
  board: {
    title: 'Supervision board', asOf: 'As of', level: 'Level', levels: { ALL: 'All units', PROVINCE: 'Provincial', CITY: 'Cities', COUNTY: 'Counties' },
    unit: 'Unit', total: 'Total', completed: 'Completed', onTime: 'On time', overdue: 'Overdue', dueSoon: 'Due in 7 days', returned: 'Returned',
    completion: 'Done', progressChart: 'Progress', overdueChart: 'Overdue by city (with its counties)', legendCompleted: 'Completed', legendOverdue: 'Overdue', legendOpen: 'Open',
    cell: '{completed}/{total}', noRate: '—', units: '{n} units', summary: '{total} assignments: {completed} completed, {overdue} overdue, {dueSoon} due within 7 days',
    signed: 'Signed for', signedOf: '{n} of {total} signed for', choosePlan: 'Choose a plan', search: 'Filter units',
  },
  queue: {
    title: 'Queue', submissions: 'Submitted', extensions: 'Extension requests', groups: 'Units to name', approve: 'Approve', return: 'Return',
    returnNote: 'Why it goes back', approveNote: 'Note (optional)', approved: 'Approved and completed.', returned: 'Returned to the unit.',
    until: 'Until', reason: 'Reason', requestedBy: 'Asked by', decide: 'Decide', grant: 'Grant', refuse: 'Refuse', decisionNote: 'Note',
    decided: 'Decided.', resolve: 'Name units', resolveTitle: 'Units for “{group}”', resolveUnits: 'Units', members: 'Fill in the group members', resolved: '{n} units named.',
    group: 'Group', empty: 'Nothing waits.',
  },
  task: { title: 'Task', shares: 'Every unit’s share', history: 'History', deadline: 'Deadline' },
  assignment: {
    title: 'Assignment', start: 'Start', startNote: 'Note', started: 'Started.', report: 'Report progress', percent: 'Percent done', text: 'Progress',
    reported: 'Progress reported.', submit: 'Submit as done', submitNote: 'What was done', submitted: 'Submitted; the office will review it.', extension: 'Ask for an extension', requested: 'Extension requested.',
    history: 'History', extensions: 'Extension requests', dueIn: 'Due', returnedHint: 'The office returned this; carry on as it asked.',
    kinds: { CREATED: 'Assigned', STATUS_CHANGED: 'Status', PROGRESS_REPORTED: 'Progress', DUE_DATE_CHANGED: 'Due date', REPLACED: 'Units named', ACKNOWLEDGED: 'Signed for', MILESTONE_CHANGED: 'Milestone', UNIT_UPDATED: 'Unit changed', DELEGATED: 'Delegated', CHILDREN_CHANGED: 'Units below', URGED: 'Urged' },
    extStatus: { PENDING: 'Pending', APPROVED: 'Granted', REJECTED: 'Refused' },
    submittedToDelegator: 'Submitted; the unit that delegated it will review it.', delegatedBy: 'Delegated by', level: 'Level', levelN: 'Level {n} below', parent: 'Parent assignment',
  },
  delegate: {
    action: 'Delegate', title: 'Delegate to units below', units: 'Units below', unitsHint: 'Tick the units to take it on; open a unit to see the level below.', chosen: 'Units and due dates',
    due: 'Due', dueHint: 'No later than your own due date ({due})', ongoing: 'Ongoing', ongoingHint: 'Your share is ongoing work: a unit without a date carries it on as ongoing work too.', note: 'Requirement', notePlaceholder: 'e.g. carry it out locally and report progress monthly',
    role: 'Role', none: 'Your unit has no units below it to delegate to.', remove: 'Remove', done: 'Delegated to {n} units.', send: 'Delegate',
    tree: 'Delegated work', summary: '{completed} of {total} units below completed', noChildren: 'Not delegated.', open: 'Open',
  },
  urge: {
    action: 'Urge', title: 'Urge', message: 'Message', placeholder: 'This task is nearly due: please press on and report progress.',
    sent: 'Urged; the unit is told on every channel.', already: 'Already urged today; you may urge again tomorrow.', alreadyIn: 'Already urged today; you may urge again in about {hours} hours.',
    default: 'Please press on with this task and report progress.',
  },
  shares: {
    title: 'Lead unit’s view', link: 'Every share (lead unit)', intro: 'Every unit’s share of this task, at every level.', level: 'Level', delegatedBy: 'Delegated by',
    empty: 'No shares.', issued: 'As issued', allLevels: 'Every level',
  },
  myTasks: { title: 'Task list', filterStatus: 'Status', colours: 'Red: overdue; yellow: due within 7 days or returned; green: on track.', empty: 'Nothing assigned to your unit.' },
  inbox: { title: 'Inbox', unreadOnly: 'Unread only', markRead: 'Mark read', read: 'Read', unread: 'Unread', empty: 'No messages.', kinds: { DUE_SOON: 'Due soon', DUE_TODAY: 'Due today', OVERDUE: 'Overdue', ESCALATION: 'Escalation', PROGRESS_REPORT_DUE: 'Report due', ACKNOWLEDGE_DUE: 'Sign for', MILESTONE_DUE: 'Milestone due', MILESTONE_OVERDUE: 'Milestone overdue', URGE: 'Urged', WEBHOOK_DISABLED: 'Webhook off' } },
  reminders: {
    title: 'Reminders', policy: 'Policy', plan: 'Plan', default: 'Default policy', leadDays: 'Days ahead', leadDaysHint: 'e.g. 30, 7, 1',
    onDueDate: 'On the due date', overdueRepeatDays: 'Repeat when overdue every (days)', escalateAfterDays: 'Escalate after (days overdue)', ongoingReportEvery: 'Ongoing work reports',
    workdaysOnly: 'Working days only', sendAt: 'Send at', calendar: 'Working-day calendar', year: 'Year', off: 'off', work: 'work', notCovered: 'The holidays of {year} are not loaded yet.',
    periods: { P1W: 'Weekly', P2W: 'Fortnightly', P1M: 'Monthly', P3M: 'Quarterly', P6M: 'Half-yearly' }, source: 'The default policy (this plan has none of its own)',
  },
  sign: {
    signFor: 'Sign for', signed: 'Signed for', unsigned: 'Not signed for', state: 'Sign-for', done: 'Signed for: your unit has taken it on.', confirm: 'Signing for confirms your unit received this task and takes it on. Sign for it?',
    by: 'signed for by {by} on {at}', hint: 'Sign for the task first to confirm your unit received it.',
  },
  milestone: {
    title: 'Milestones', add: 'Add milestone', edit: 'Edit', delete: 'Delete', complete: 'Report done', name: 'Milestone', due: 'Due', note: 'What was done',
    open: 'Open', done: 'Done', overdue: 'Overdue', none: 'No milestones.', setBy: { OFFICE: 'set by the office', UNIT: 'planned by the unit' },
    added: 'Milestone added.', updated: 'Milestone changed.', deleted: 'Milestone deleted.', completed: 'Milestone reported done.', confirmDelete: 'Delete the milestone “{title}”?',
  },
  evidence: {
    title: 'Evidence', drop: 'Drop evidence files here, or ', click: 'choose files', hint: 'PDF, OFD, Word, Excel, JPG, PNG or ZIP, up to 50 MB each.',
    none: 'No evidence yet.', delete: 'Delete', deleted: 'Evidence deleted.', uploaded: 'Uploaded {name}.', confirmDelete: 'Delete the evidence file “{name}”?',
    badType: '“{name}” is not an accepted type: PDF, OFD, Word, Excel, JPG, PNG or ZIP only.', empty: '“{name}” is empty.', tooLarge: '“{name}” is larger than 50 MB.',
    refusedType: '“{name}” was refused: by its content it is not an accepted type (PDF, OFD, Word, Excel, JPG, PNG, ZIP). {detail}',
    refusedSize: '“{name}” was refused: larger than 50 MB.', cited: 'This file is cited by a progress report, a submission or a milestone: it is part of the record and cannot be deleted.',
    pickHint: 'Tick the files this cites; a file uploaded here is ticked.', cites: 'Evidence',
  },
  validation: {
    milestoneTitleRequired: 'Name the milestone', tooLong200: 'At most 200 characters', milestoneDueRequired: 'Choose a due date', milestoneAfterDue: 'A milestone is due no later than the task ({due})',
    progressTextRequired: 'Say what was done', tooLong4000: 'At most 4000 characters', tooLong2000: 'At most 2000 characters', percentRange: 'A whole number from 0 to 100',
    untilRequired: 'Choose a date', untilAfterDue: 'Later than the due date and today', reasonRequired: 'Give a reason', noteRequired: 'Say why it goes back',
    importType: 'Only .docx, .xlsx or .txt plan documents', importEmpty: 'The file is empty', importTooLarge: 'Larger than 10 MB', leadDays: 'Whole days from 0 to 366',
    delegateNoUnit: 'Choose at least one unit below', delegateTwice: 'This unit is chosen already', delegateDueRequired: 'Choose a due date', delegateAfterParent: 'No later than your own due date',
    urgeMessageRequired: 'Write a message', tooLong500: 'At most 500 characters',
  },
}
export default en
