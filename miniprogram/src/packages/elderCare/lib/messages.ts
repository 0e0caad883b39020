import { registerMessages } from '../../../i18n/messages'
import { elderCareMessages } from '../../../i18n/elderCare'

/** Elder care's texts join the message table when this subpackage loads: every page imports this module first. */
registerMessages(elderCareMessages)
