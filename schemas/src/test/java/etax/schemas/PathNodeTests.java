package etax.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
