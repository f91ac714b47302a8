package dev.cairn.engine;

import dev.cairn.core.api.ListTagsOfResourceRequest;
import dev.cairn.core.api.ListTagsOfResourceResponse;
import dev.cairn.core.api.Tag;
import dev.cairn.core.api.TagResourceRequest;
import dev.cairn.core.api.TagResourceResponse;
import dev.cairn.core.api.UntagResourceRequest;
import dev.cairn.core.api.UntagResourceResponse;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.TableMessages;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTagsOfResource on table ARNs of the caller's account (another account's
 * ARN is simply not found). A table holds at most 50 tags, counted after merging (more is the service's
 * ValidationException); a tag key set again replaces its value.
 * Source: API Reference, "TagResource", "UntagResource", "ListTagsOfResource"; Developer Guide, "Tagging
 * restrictions".
 */
public final class TagHandlers {
  static final int MAX_TAGS = 50;

  private final TableAdmin admin;

  public TagHandlers(TableAdmin admin) {
    this.admin = admin;
  }

  private Future<TableRecord> table(Principal p, String arn) {
    String name = Arns.tableNameOf(arn, p.accountId());
    if (name == null) {
      return Future.failedFuture(TableMessages.resourceArnNotFound(arn));
    }
    // A table still CREATING is not found by the tag APIs (confirmed, see TableMessages.resourceArnNotFound).
    return admin.findVisible(p.accountId(), name).compose(t -> t == null || t.deletedAt() != null
        || "CREATING".equals(t.status(Instant.now()))
        ? Future.failedFuture(TableMessages.resourceArnNotFound(arn)) : Future.succeededFuture(t));
  }

  private Future<Void> store(TableRecord t, List<Tag> tags) {
    TableDefinition d = t.definition();
    TableDefinition next = d.withTags(tags);
    return admin.tables.updateDefinition(t, next, t.updatingUntil()).map(u -> {
      admin.catalog.invalidate(t.accountId(), t.tableName());
      return null;
    });
  }

  /** TagResource. */
  public OperationHandler<TagResourceRequest> tag() {
    return (p, r) -> table(p, r.resourceArn()).compose(t -> {
      Map<String, String> tags = new LinkedHashMap<>();
      for (Tag tag : t.definition().tags() == null ? List.<Tag>of() : t.definition().tags()) {
        tags.put(tag.key(), tag.value());
      }
      for (Tag tag : r.tags()) {
        tags.put(tag.key(), tag.value());
      }
      if (tags.size() > MAX_TAGS) {
        return Future.failedFuture(TableMessages.tooManyTags());
      }
      List<Tag> out = new ArrayList<>();
      tags.forEach((k, v) -> out.add(new Tag(k, v)));
      return store(t, out).map(v -> new TagResourceResponse());
    });
  }

  /** UntagResource. */
  public OperationHandler<UntagResourceRequest> untag() {
    return (p, r) -> table(p, r.resourceArn()).compose(t -> {
      List<Tag> out = new ArrayList<>();
      for (Tag tag : t.definition().tags() == null ? List.<Tag>of() : t.definition().tags()) {
        if (!r.tagKeys().contains(tag.key())) {
          out.add(tag);
        }
      }
      return store(t, out).map(v -> new UntagResourceResponse());
    });
  }

  /** ListTagsOfResource: every tag in one page (at most 50 exist). */
  public OperationHandler<ListTagsOfResourceRequest> list() {
    return (p, r) -> table(p, r.resourceArn()).map(t -> new ListTagsOfResourceResponse(
        t.definition().tags() == null ? List.of() : t.definition().tags(), null));
  }
}
