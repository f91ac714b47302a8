/**
 * AWS Signature Version 4 verification for the DynamoDB and DynamoDB Streams APIs: pure, JDK-only, no I/O.
 *
 * <p>Flow: the gateway builds a {@link dev.cairn.auth.sigv4.SigV4Request} (hashing the body itself),
 * calls {@link dev.cairn.auth.sigv4.SigV4Verifier#parse}, looks up a
 * {@link dev.cairn.auth.sigv4.SigningKey} in its {@link dev.cairn.auth.sigv4.SigningKeyCache} and, on a miss,
 * asks the component that holds the secrets to derive one; then it calls
 * {@link dev.cairn.auth.sigv4.SigV4Verifier#verify}. An unknown access key id is answered with
 * {@link dev.cairn.auth.sigv4.SigV4Errors#unrecognizedAccessKey()}, a bad session token with
 * {@link dev.cairn.auth.sigv4.SigV4Errors#invalidSecurityToken()}.
 *
 * <p>Not supported: presigned query-string authentication ({@code X-Amz-Algorithm} in the query), SigV4a,
 * chunked (streaming) payload signing and {@code UNSIGNED-PAYLOAD}; DynamoDB clients use none of them.
 * Source: IAM User Guide, "Create a signed AWS API request" and "Elements of an AWS API request signature".
 */
package dev.cairn.auth.sigv4;
