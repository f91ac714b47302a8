package dev.cairn.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.error.DynamoException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written pieces of Authorization-header and X-Amz-Date parsing. */
class SigV4VerifierParsingTest {
  @Test
  void tokens_splitOnRunsOfWhitespaceAndCommas_dropEmptyPieces() {
    assertEquals(List.of("Credential=a/b", "SignedHeaders=host", "Signature=ff"),
        SigV4Verifier.tokens(" Credential=a/b, SignedHeaders=host,\tSignature=ff"));
    assertEquals(List.of("a", "b"), SigV4Verifier.tokens(",,a\r\n\u000B\fb,"));
    assertEquals(List.of(), SigV4Verifier.tokens(""));
    assertEquals(List.of(), SigV4Verifier.tokens(" , "));
  }

  @Test
  void parseAmzDate_validBasicFormat_isThatUtcInstant() {
    assertEquals(Instant.parse("2026-11-23T13:45:07Z"), SigV4Verifier.parseAmzDate("20261123T134507Z"));
    assertEquals(Instant.parse("2024-02-29T00:00:00Z"), SigV4Verifier.parseAmzDate("20240229T000000Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"20261123T134507", "2026-11-23T13:45:07Z", "20261323T134507Z", "20230229T000000Z",
      "20261123T244507Z", "20261123T136007Z", "2026112xT134507Z", "20261123 134507Z", "", "20261123T134507Z0",
      "２０２６1123T134507Z"})
  void parseAmzDate_anythingElse_isTheBadDateFormatError(String value) {
    DynamoException e = assertThrows(DynamoException.class, () -> SigV4Verifier.parseAmzDate(value));
    assertEquals(SigV4Errors.badDateFormat(value).getMessage(), e.getMessage());
  }
}
