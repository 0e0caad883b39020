import { registerMessages } from '../../../i18n/messages'
import { fiveListsMessages } from '../../../i18n/fiveLists'

/**
 * The five lists' texts join the message table when this subpackage loads: every page imports this module first,
 * so they are there before any page renders, and the main package does not carry them.
 */
registerMessages(fiveListsMessages)
