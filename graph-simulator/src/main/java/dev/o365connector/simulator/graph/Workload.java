package dev.o365connector.simulator.graph;

/**
 * The Graph workloads behind our resources, which answer the same situations with different codes:
 * Outlook (mail, calendar), OneDrive, and the directory.
 */
public enum Workload {
  DIRECTORY(
      "Authorization_RequestDenied",
      "Insufficient privileges to complete the operation.",
      "Request_ResourceNotFound",
      null,
      null),
  OUTLOOK(
      "ErrorAccessDenied",
      "Access is denied. Check credentials and try again.",
      "ErrorInvalidUser",
      "MailboxNotEnabledForRESTAPI",
      "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
  DRIVE(
      "accessDenied",
      "Access denied",
      "itemNotFound",
      "ResourceNotFound",
      "User's mysite not found.");

  final String deniedCode;
  final String deniedMessage;
  final String unknownUserCode;
  final String noServiceCode;
  final String noServiceMessage;

  Workload(
      String deniedCode,
      String deniedMessage,
      String unknownUserCode,
      String noServiceCode,
      String noServiceMessage) {
    this.deniedCode = deniedCode;
    this.deniedMessage = deniedMessage;
    this.unknownUserCode = unknownUserCode;
    this.noServiceCode = noServiceCode;
    this.noServiceMessage = noServiceMessage;
  }
}
