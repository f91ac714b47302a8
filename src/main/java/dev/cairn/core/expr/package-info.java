/**
 * The DynamoDB expression language as pure code: condition, filter, key-condition, update and projection
 * expressions, and the legacy parameters translated into the same trees.
 *
 * <p>Entry points: {@link dev.cairn.core.expr.ExpressionContext} parses and binds the expressions of one request
 * against its ExpressionAttributeNames and ExpressionAttributeValues (and checks, once, that every placeholder
 * was used); {@link dev.cairn.core.expr.ConditionEvaluator} evaluates a condition against an item;
 * {@link dev.cairn.core.expr.UpdateApplier} applies an update and gives the UPDATED_OLD / UPDATED_NEW shapes;
 * {@link dev.cairn.core.expr.Projector} projects an item; {@link dev.cairn.core.expr.KeyCondition} is a key
 * condition decomposed for storage; {@link dev.cairn.core.expr.Legacy} translates Expected, AttributeUpdates,
 * KeyConditions, QueryFilter, ScanFilter and AttributesToGet; {@link dev.cairn.core.expr.ExpressionCache}
 * shares parse results across requests.
 *
 * <p>Every failure is a {@link dev.cairn.core.error.DynamoException} (ValidationException) with the service's
 * text. The package uses the JDK and {@code core} only. Source: DynamoDB Developer Guide, "Using expressions in
 * DynamoDB" and its sub-pages; error texts and orders from dynalite, ExtendDB's dual-target tests and an emulator
 * checked against DynamoDB Local, as noted where used.
 */
package dev.cairn.core.expr;
