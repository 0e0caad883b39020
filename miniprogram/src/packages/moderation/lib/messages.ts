import { registerMessages } from '../../../i18n/messages'
import { moderationMessages } from '../../../i18n/moderation'

/** The moderation texts join the message table when this subpackage loads: every page imports this module first. */
registerMessages(moderationMessages)
