import { registerMessages } from '../../../i18n/messages'
import { announcementsMessages } from '../../../i18n/announcements'

/** Announcements' texts join the message table when this subpackage loads: every page imports this module first. */
registerMessages(announcementsMessages)
