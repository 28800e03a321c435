package etax.schemas;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PathNodeTests {

	@Test
	void predicatesAppearOnlyWhereSiblingsRepeat() {
		PathNode root = PathNode.document().child("HSoThueDTu");
		PathNode pluc = root.child("PLuc");
		PathNode first = pluc.child("Row");
		PathNode firstCell = first.child("ct01");
		PathNode second = pluc.child("Row");
		PathNode other = pluc.child("Total");

		assertThat(firstCell.xpath()).isEqualTo("/HSoThueDTu/PLuc/Row[1]/ct01");
		assertThat(second.xpath()).isEqualTo("/HSoThueDTu/PLuc/Row[2]");
		assertThat(other.xpath()).isEqualTo("/HSoThueDTu/PLuc/Total");
		assertThat(root.xpath()).isEqualTo("/HSoThueDTu");
	}

	/** A filer's name may reach 1,000 characters (the JDK's default limit): the XPath shows its start and length. */
	@Test
	void aLongNameIsShownByItsStartAndLength() {
		PathNode appendix = PathNode.document().child("HSoThueDTu").child("PLuc");
		PathNode longName = appendix.child("N".repeat(1_000));
		appendix.child("N".repeat(1_000));

		assertThat(longName.xpath()).isEqualTo("/HSoThueDTu/PLuc/" + "N".repeat(32) + "… (1000 characters)[1]");
		assertThat(appendix.child("N".repeat(PathNode.MAX_STEP_LENGTH)).xpath())
			.isEqualTo("/HSoThueDTu/PLuc/" + "N".repeat(PathNode.MAX_STEP_LENGTH));
	}

	/**
	 * An XPath through many long names keeps its last steps, which locate the error, within
	 * {@value PathNode#MAX_XPATH_LENGTH} characters; one of a return's own depth is shown whole.
	 */
	@Test
	void aLongXPathKeepsItsLastSteps() {
		PathNode node = PathNode.document().child("HSoThueDTu").child("HSoKhaiThue").child("PLuc");
		for (int i = 0; i < 55; i++) {
			node = node.child(Integer.toString(i).repeat(1_000 / Integer.toString(i).length()));
		}
		PathNode error = node.child("ct01");

		String xpath = error.xpath();

		assertThat(xpath).hasSizeLessThanOrEqualTo(PathNode.MAX_XPATH_LENGTH)
			.startsWith(PathNode.ELIDED + "/")
			.endsWith("/" + "54".repeat(16) + "… (1000 characters)/ct01")
			.doesNotContain("/HSoThueDTu");
		assertThat(node.parent().xpath()).endsWith("/" + "53".repeat(16) + "… (1000 characters)");
	}

	@Test
	void anXPathOfAnyDepthIsBuiltInTimeItsBoundAllows() {
		PathNode node = PathNode.document();
		for (int i = 0; i < 200_000; i++) {
			node = node.child("a");
		}
		PathNode deepest = node;

		String xpath = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			String last = "";
			for (int i = 0; i < 10_000; i++) {
				last = deepest.xpath();
			}
			return last;
		});

		assertThat(xpath).startsWith(PathNode.ELIDED + "/a/").endsWith("/a").hasSize(PathNode.MAX_XPATH_LENGTH);
	}

	@Test
	void anXPathAtTheBoundIsShownWhole() {
		PathNode node = PathNode.document();
		// 256 steps of "/abc": 1,024 characters exactly
		for (int i = 0; i < 256; i++) {
			node = node.child("abc");
		}

		assertThat(node.xpath()).hasSize(PathNode.MAX_XPATH_LENGTH).startsWith("/abc/abc").doesNotContain("…");
		assertThat(node.child("d").xpath()).startsWith(PathNode.ELIDED + "/abc/").endsWith("/abc/d")
			.hasSizeLessThanOrEqualTo(PathNode.MAX_XPATH_LENGTH);
	}

}
